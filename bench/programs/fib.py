# fib: naive recursive Fibonacci, fib(35).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib(35) = %d" % fib(35))
