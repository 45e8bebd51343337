# sieve: sieve of Eratosthenes up to 5,000,000, repeated 4 times.
def sieve(n):
    composite = [False] * (n + 1)
    count = 0
    for i in range(2, n + 1):
        if not composite[i]:
            count += 1
            for j in range(i * i, n + 1, i):
                composite[j] = True
    return count


n = 5000000
total = 0
count = 0
for rep in range(4):
    count = sieve(n)
    total += count
print("primes up to %d: %d (total over 4 runs: %d)" % (n, count, total))
