-- sieve: sieve of Eratosthenes up to 5,000,000, repeated 4 times.
local function sieve(n)
  local composite = {}
  for i = 0, n do composite[i] = false end
  local count = 0
  for i = 2, n do
    if not composite[i] then
      count = count + 1
      for j = i * i, n, i do
        composite[j] = true
      end
    end
  end
  return count
end

local n = 5000000
local total, count = 0, 0
for rep = 1, 4 do
  count = sieve(n)
  total = total + count
end
print(string.format("primes up to %d: %d (total over 4 runs: %d)", n, count, total))
