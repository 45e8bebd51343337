-- mapstrings: 2,000,000 updates of 50,000 string keys in a table.
local m = {}
local count = 0
for i = 0, 2000000 - 1 do
  local key = "k" .. tostring(i % 50000)
  local v = m[key]
  if v == nil then
    v = 0
    count = count + 1 -- Lua has no O(1) size for hash tables
  end
  m[key] = v + i
end
local checksum = 0
for j = 0, 50000 - 1 do
  checksum = (checksum * 31 + m["k" .. tostring(j)]) % 1000000007
end
print(string.format("len %d checksum %d", count, checksum))
