-- GET /health: what the same server answers when a request does no work (the transport's ceiling).
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
request = function()
  return wrk.format("GET", "/health")
end
response = common.response
