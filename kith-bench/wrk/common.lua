-- Shared by the workloads: the graph's user ids and the viewers' tokens, read once per wrk thread.
local common = {}

-- Each wrk thread has its own Lua state: seed each differently.
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)

local function lines(path)
  local out = {}
  if path == nil then
    return out
  end
  for line in io.lines(path) do
    out[#out + 1] = line
  end
  return out
end

common.ids = lines(os.getenv("KITH_IDS"))
common.tokens = lines(os.getenv("KITH_TOKENS"))

function common.id()
  return common.ids[math.random(#common.ids)]
end

function common.token()
  return common.tokens[math.random(#common.tokens)]
end

-- Fails the run on any answer but 200 (wrk would otherwise count errors as throughput).
function common.response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
    os.exit(1)
  end
end

return common
