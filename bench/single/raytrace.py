# raytrace: renders a small scene (three spheres over a checkered plane, two
# point lights, shadows, Phong highlights and mirror reflections) into an
# n x n image held in a flat list of 0-255 channel values, then hashes it.
#
# Exercises classes, operator overloading (__add__, __sub__, __mul__), many
# short-lived objects, polymorphic calls (Sphere and Plane)
# and recursion.  Only +, -, *, /, math.sqrt and math.floor are used, so the
# image is bit-for-bit the same on every IEEE 754 platform.
#
# Usage: python3 raytrace.py [n]
# Prints "OK raytrace <hash> <sum of channels>" when both match the table.

import sys
import math

DEFAULT_SIZE = 200

MAX_DEPTH = 3
EPSILON = 1e-7

# n -> (32-bit FNV-1a hash of the channel values, sum of the channel values).
EXPECTED = {
    8: (0xd0e92668, 9303),
    32: (0xcfa3f644, 172605),
    200: (0xe1a5ce73, 6686526),
}


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        # Mirror direction of self about the plane with the given normal.
        return self - normal * (2.0 * self.dot(normal))


class Color:
    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, other):
        return Color(self.r + other.r, self.g + other.g, self.b + other.b)

    def __mul__(self, k):
        return Color(self.r * k, self.g * k, self.b * k)

    def filter(self, other):
        return Color(self.r * other.r, self.g * other.g, self.b * other.b)


BLACK = Color(0.0, 0.0, 0.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def point_at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, shininess, reflectivity):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflectivity = reflectivity

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, color, other, diffuse, specular, shininess,
                 reflectivity):
        Material.__init__(self, color, diffuse, specular, shininess,
                          reflectivity)
        self.other = other

    def color_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.color
        return self.other


class Hit:
    def __init__(self, distance, surface, ray):
        self.distance = distance
        self.surface = surface
        self.ray = ray


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        # Nearest distance along the ray, or None when missed.
        to_center = self.center - ray.origin
        along = to_center.dot(ray.direction)
        if along < 0.0:
            return None
        disc = self.radius * self.radius - (to_center.dot(to_center)
                                            - along * along)
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = along - root
        if t > EPSILON:
            return t
        t = along + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if -EPSILON < denom < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Camera:
    def __init__(self, eye, target, up, width, height):
        self.eye = eye
        self.forward = (target - eye).normalized()
        self.right = self.forward.cross(up).normalized()
        self.up = self.right.cross(self.forward)
        self.width = width
        self.height = height

    def ray_for(self, px, py):
        # Pixel centres spread over [-1, 1] horizontally (square pixels).
        half = self.width / 2.0
        sx = (px + 0.5 - half) / half
        sy = (self.height / 2.0 - py - 0.5) / half
        direction = self.forward + self.right * sx + self.up * sy
        return Ray(self.eye, direction.normalized())


class Scene:
    def __init__(self, surfaces, lights, ambient):
        self.surfaces = surfaces
        self.lights = lights
        self.ambient = ambient

    def nearest_hit(self, ray):
        best = None
        for surface in self.surfaces:
            t = surface.intersect(ray)
            if t is not None and (best is None or t < best.distance):
                best = Hit(t, surface, ray)
        return best

    def in_shadow(self, point, to_light, distance):
        ray = Ray(point, to_light)
        for surface in self.surfaces:
            t = surface.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        hit = self.nearest_hit(ray)
        if hit is None:
            return BLACK
        return self.shade(hit, depth)

    def shade(self, hit, depth):
        surface = hit.surface
        material = surface.material
        point = hit.ray.point_at(hit.distance)
        normal = surface.normal_at(point)
        view = hit.ray.direction
        base = material.color_at(point)
        color = base * self.ambient
        for light in self.lights:
            offset = light.position - point
            distance = offset.length()
            to_light = offset * (1.0 / distance)
            lambert = to_light.dot(normal)
            if lambert <= 0.0 or self.in_shadow(point, to_light, distance):
                continue
            color = color + base.filter(light.color) * (lambert
                                                        * material.diffuse)
            highlight = to_light.reflect(normal).dot(view)
            if highlight > 0.0:
                power = highlight
                for _ in range(material.shininess):
                    power = power * power
                color = color + light.color * (power * material.specular)
        if depth < MAX_DEPTH and material.reflectivity > 0.0:
            bounce = Ray(point, view.reflect(normal))
            reflected = self.trace(bounce, depth + 1)
            color = color + reflected * material.reflectivity
        return color


def channel(value):
    value = int(value * 255.0)
    if value < 0:
        return 0
    if value > 255:
        return 255
    return value


def build_scene():
    shiny_red = Material(Color(0.9, 0.2, 0.2), 0.7, 0.6, 5, 0.25)
    matte_green = Material(Color(0.2, 0.8, 0.3), 0.9, 0.1, 2, 0.0)
    mirror = Material(Color(0.8, 0.8, 0.9), 0.3, 0.9, 6, 0.7)
    floor = Checker(Color(0.9, 0.9, 0.9), Color(0.1, 0.1, 0.15), 0.8, 0.2,
                    3, 0.3)
    surfaces = [
        Sphere(Vector(0.0, 1.0, 0.0), 1.0, shiny_red),
        Sphere(Vector(-2.2, 0.7, 1.0), 0.7, matte_green),
        Sphere(Vector(1.8, 1.3, -1.5), 1.3, mirror),
        Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), floor),
    ]
    lights = [
        Light(Vector(-4.0, 6.0, 5.0), Color(0.8, 0.8, 0.8)),
        Light(Vector(5.0, 4.0, 3.0), Color(0.4, 0.35, 0.3)),
    ]
    return Scene(surfaces, lights, 0.1)


def render(n):
    scene = build_scene()
    camera = Camera(Vector(0.5, 2.5, 7.0), Vector(0.0, 0.8, 0.0),
                    Vector(0.0, 1.0, 0.0), n, n)
    pixels = []
    for py in range(n):
        for px in range(n):
            color = scene.trace(camera.ray_for(px, py), 0)
            pixels.append(channel(color.r))
            pixels.append(channel(color.g))
            pixels.append(channel(color.b))
    return pixels


def image_hash(pixels):
    h = 2166136261
    for value in pixels:
        h = ((h ^ value) * 16777619) & 0xFFFFFFFF
    return h


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    pixels = render(size)
    result = (image_hash(pixels), sum(pixels))
    shown = "%08x %d" % result
    if size not in EXPECTED:
        print("UNCHECKED raytrace %d %s" % (size, shown))
        return
    if result != EXPECTED[size]:
        sys.stderr.write("CHECK FAILED: raytrace %d: "
                         "got %s, expected %08x %d\n"
                         % ((size, shown) + tuple(EXPECTED[size])))
        sys.exit(1)
    print("OK raytrace %s" % shown)


main()
