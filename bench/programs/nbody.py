# nbody: the Benchmarks Game n-body simulation, 5 bodies, 500,000 steps.
# Bodies are objects with __slots__ (the Python analogue of Go structs).
from math import sqrt


class Body:
    __slots__ = ("x", "y", "z", "vx", "vy", "vz", "mass")

    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.x, self.y, self.z = x, y, z
        self.vx, self.vy, self.vz = vx, vy, vz
        self.mass = mass


def advance(bodies, dt):
    n = len(bodies)
    for i in range(n):
        bi = bodies[i]
        for j in range(i + 1, n):
            bj = bodies[j]
            dx = bi.x - bj.x
            dy = bi.y - bj.y
            dz = bi.z - bj.z
            dSquared = dx * dx + dy * dy + dz * dz
            distance = sqrt(dSquared)
            mag = dt / (dSquared * distance)
            bi.vx -= dx * bj.mass * mag
            bi.vy -= dy * bj.mass * mag
            bi.vz -= dz * bj.mass * mag
            bj.vx += dx * bi.mass * mag
            bj.vy += dy * bi.mass * mag
            bj.vz += dz * bi.mass * mag
    for b in bodies:
        b.x += dt * b.vx
        b.y += dt * b.vy
        b.z += dt * b.vz


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for j in range(i + 1, n):
            b2 = bodies[j]
            dx = b.x - b2.x
            dy = b.y - b2.y
            dz = b.z - b2.z
            distance = sqrt(dx * dx + dy * dy + dz * dz)
            e -= (b.mass * b2.mass) / distance
    return e


def offset_momentum(bodies, solarMass):
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    bodies[0].vx = -px / solarMass
    bodies[0].vy = -py / solarMass
    bodies[0].vz = -pz / solarMass


def main():
    pi = 3.141592653589793
    solarMass = 4 * pi * pi
    daysPerYear = 365.24
    bodies = [
        Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, solarMass),
        Body(  # jupiter
            4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
            1.66007664274403694e-03 * daysPerYear, 7.69901118419740425e-03 * daysPerYear,
            -6.90460016972063023e-05 * daysPerYear, 9.54791938424326609e-04 * solarMass),
        Body(  # saturn
            8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
            -2.76742510726862411e-03 * daysPerYear, 4.99852801234917238e-03 * daysPerYear,
            2.30417297573763929e-05 * daysPerYear, 2.85885980666130812e-04 * solarMass),
        Body(  # uranus
            1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
            2.96460137564761618e-03 * daysPerYear, 2.37847173959480950e-03 * daysPerYear,
            -2.96589568540237556e-05 * daysPerYear, 4.36624404335156298e-05 * solarMass),
        Body(  # neptune
            1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
            2.68067772490389322e-03 * daysPerYear, 1.62824170038242295e-03 * daysPerYear,
            -9.51592254519715870e-05 * daysPerYear, 5.15138902046611451e-05 * solarMass),
    ]
    offset_momentum(bodies, solarMass)
    print("%.9f" % energy(bodies))
    for step in range(500000):
        advance(bodies, 0.01)
    print("%.9f" % energy(bodies))


main()
