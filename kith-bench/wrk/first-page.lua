-- GET /v1/users/<random graph user>/followers?limit=50, anonymous: the first page of a follower list, with cards.
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
request = function()
  return wrk.format("GET", "/v1/users/" .. common.id() .. "/followers?limit=50")
end
response = common.response
