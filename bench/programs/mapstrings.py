# mapstrings: 2,000,000 updates of 50,000 string keys in a dict.
def main():
    m = {}
    for i in range(2000000):
        key = "k" + str(i % 50000)
        m[key] = m.get(key, 0) + i
    checksum = 0
    for j in range(50000):
        checksum = (checksum * 31 + m["k" + str(j)]) % 1000000007
    print("len %d checksum %d" % (len(m), checksum))


main()
