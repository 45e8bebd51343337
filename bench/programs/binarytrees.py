# binarytrees: the Benchmarks Game binary-trees, depth 16.
# Nodes are objects with __slots__ left/right.


class Node:
    __slots__ = ("left", "right")

    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right


def bottom_up(depth):
    if depth <= 0:
        return Node()
    return Node(bottom_up(depth - 1), bottom_up(depth - 1))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def main():
    n = 16
    min_depth = 4
    max_depth = n
    if min_depth + 2 > n:
        max_depth = min_depth + 2
    stretch_depth = max_depth + 1
    print("stretch tree of depth %d\t check: %d" % (stretch_depth, check(bottom_up(stretch_depth))))

    long_lived = bottom_up(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 1 << (max_depth - depth + min_depth)
        c = 0
        for i in range(iterations):
            c += check(bottom_up(depth))
        print("%d\t trees of depth %d\t check: %d" % (iterations, depth, c))
    print("long lived tree of depth %d\t check: %d" % (max_depth, check(long_lived)))


main()
