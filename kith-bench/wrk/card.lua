-- GET /v1/users/<random graph user> as a random viewer: one author card with counts and the viewer's relation.
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
request = function()
  return wrk.format("GET", "/v1/users/" .. common.id(), { ["Authorization"] = "Bearer " .. common.token() })
end
response = common.response
