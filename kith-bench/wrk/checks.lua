-- GET /v1/relationships?ids=<20 graph users> as a random viewer: a feed's "Follow / Following / Friends" buttons.
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
request = function()
  local ids = {}
  for i = 1, 20 do
    ids[i] = common.id()
  end
  return wrk.format("GET", "/v1/relationships?ids=" .. table.concat(ids, ","),
    { ["Authorization"] = "Bearer " .. common.token() })
end
response = common.response
