-- binarytrees: the Benchmarks Game binary-trees, depth 16.
-- Nodes are tables with left/right fields.
local function bottomUp(depth)
  if depth <= 0 then return {} end
  return {left = bottomUp(depth - 1), right = bottomUp(depth - 1)}
end

local function check(node)
  if node.left == nil then return 1 end
  return 1 + check(node.left) + check(node.right)
end

local n = 16
local minDepth = 4
local maxDepth = n
if minDepth + 2 > n then maxDepth = minDepth + 2 end
local stretchDepth = maxDepth + 1
print(string.format("stretch tree of depth %d\t check: %d", stretchDepth, check(bottomUp(stretchDepth))))

local longLived = bottomUp(maxDepth)
for depth = minDepth, maxDepth, 2 do
  local iterations = 1 << (maxDepth - depth + minDepth)
  local c = 0
  for i = 1, iterations do
    c = c + check(bottomUp(depth))
  end
  print(string.format("%d\t trees of depth %d\t check: %d", iterations, depth, c))
end
print(string.format("long lived tree of depth %d\t check: %d", maxDepth, check(longLived)))
