-- wrk pipelining: each request() call sends `depth` requests back to back (TechEmpower's plaintext script).
-- Usage: wrk -t1 -c64 -d2s -s pipeline.lua http://127.0.0.1:PORT/plaintext -- 16
init = function(args)
  local depth = tonumber(args[1]) or 16
  local r = {}
  for i = 1, depth do
    r[i] = wrk.format()
  end
  req = table.concat(r)
end

request = function()
  return req
end
