-- nbody: the Benchmarks Game n-body simulation, 5 bodies, 500,000 steps.
-- Bodies are tables with named fields (the Lua analogue of Go structs).
local sqrt = math.sqrt

local function body(x, y, z, vx, vy, vz, mass)
  return {x = x, y = y, z = z, vx = vx, vy = vy, vz = vz, mass = mass}
end

local function advance(bodies, n, dt)
  for i = 1, n do
    local bi = bodies[i]
    for j = i + 1, n do
      local bj = bodies[j]
      local dx = bi.x - bj.x
      local dy = bi.y - bj.y
      local dz = bi.z - bj.z
      local dSquared = dx * dx + dy * dy + dz * dz
      local distance = sqrt(dSquared)
      local mag = dt / (dSquared * distance)
      bi.vx = bi.vx - dx * bj.mass * mag
      bi.vy = bi.vy - dy * bj.mass * mag
      bi.vz = bi.vz - dz * bj.mass * mag
      bj.vx = bj.vx + dx * bi.mass * mag
      bj.vy = bj.vy + dy * bi.mass * mag
      bj.vz = bj.vz + dz * bi.mass * mag
    end
  end
  for i = 1, n do
    local b = bodies[i]
    b.x = b.x + dt * b.vx
    b.y = b.y + dt * b.vy
    b.z = b.z + dt * b.vz
  end
end

local function energy(bodies, n)
  local e = 0.0
  for i = 1, n do
    local b = bodies[i]
    e = e + 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    for j = i + 1, n do
      local b2 = bodies[j]
      local dx = b.x - b2.x
      local dy = b.y - b2.y
      local dz = b.z - b2.z
      local distance = sqrt(dx * dx + dy * dy + dz * dz)
      e = e - (b.mass * b2.mass) / distance
    end
  end
  return e
end

local function offsetMomentum(bodies, n, solarMass)
  local px, py, pz = 0.0, 0.0, 0.0
  for i = 1, n do
    local b = bodies[i]
    px = px + b.vx * b.mass
    py = py + b.vy * b.mass
    pz = pz + b.vz * b.mass
  end
  bodies[1].vx = -px / solarMass
  bodies[1].vy = -py / solarMass
  bodies[1].vz = -pz / solarMass
end

local pi = 3.141592653589793
local solarMass = 4 * pi * pi
local daysPerYear = 365.24
local bodies = {
  body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, solarMass),
  body( -- jupiter
    4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
    1.66007664274403694e-03 * daysPerYear, 7.69901118419740425e-03 * daysPerYear,
    -6.90460016972063023e-05 * daysPerYear, 9.54791938424326609e-04 * solarMass),
  body( -- saturn
    8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
    -2.76742510726862411e-03 * daysPerYear, 4.99852801234917238e-03 * daysPerYear,
    2.30417297573763929e-05 * daysPerYear, 2.85885980666130812e-04 * solarMass),
  body( -- uranus
    1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
    2.96460137564761618e-03 * daysPerYear, 2.37847173959480950e-03 * daysPerYear,
    -2.96589568540237556e-05 * daysPerYear, 4.36624404335156298e-05 * solarMass),
  body( -- neptune
    1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
    2.68067772490389322e-03 * daysPerYear, 1.62824170038242295e-03 * daysPerYear,
    -9.51592254519715870e-05 * daysPerYear, 5.15138902046611451e-05 * solarMass),
}
local n = #bodies
offsetMomentum(bodies, n, solarMass)
print(string.format("%.9f", energy(bodies, n)))
for step = 1, 500000 do
  advance(bodies, n, 0.01)
end
print(string.format("%.9f", energy(bodies, n)))
