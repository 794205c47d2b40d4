"""Makes the exported-model test fixtures under lib/src/test/resources/fixtures/.

Builds, from a fixed seed, a tiny random-weight network with StyleGAN2's interface
(mapping: z [B, 32] -> ws [B, 6, 32]; synthesis: ws -> image [B, 3, 32, 32] in [-1, 1])
and writes four model folders, each with model.json and expected.json:

  ts-single/    TorchScript, one z -> image module      (generator.pt)
  ts-styled/    TorchScript, mapping + synthesis pair   (mapping.pt, synthesis.pt)
  onnx-single/  ONNX opset 17, one z -> image module    (generator.onnx)
  onnx-styled/  ONNX opset 17, mapping + synthesis pair (mapping.onnx, synthesis.onnx)

expected.json holds the image outputs for two latents given by a closed-form rule
(no random numbers), so the Java tests can check the loaders against PyTorch.

It also builds a tiny random-weight image-to-image network with the layout of CycleGAN's
ResnetGenerator (junyanz/pytorch-CycleGAN-and-pix2pix, "resnet" netG: 7x7 conv, 2 stride-2
downsamples, residual blocks, 2 ConvTranspose2d upsamples, 7x7 conv, tanh; instance norm), and
writes two translator folders, each with model.json, input.png and expected.png (PyTorch's
output for input.png, as 8-bit pixels rounded the way Mishmash rounds):

  ts-translator/    TorchScript (netG.pt)
  onnx-translator/  ONNX opset 17, fixed input shape [1, 3, 64, 64] (netG.onnx)

and ts-encoder/, a translator folder whose network gives a vector instead of a picture, for
the error test.

Needs Debian's python3-torch, at development time only: run it as
    /usr/bin/python3 tools/make-fixtures.py
from the repository root (add "generators" or "translators" to write only those). The fixtures
are committed; the project's tests never need Python.
"""

import json
import math
import struct
import sys
import warnings
import zlib
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

SEED = 1234
LATENT = 32
W_DIM = 32
STYLE_LAYERS = 6
CHANNELS = 16
RESOLUTION = 32
OPSET = 17
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lib/src/test/resources/fixtures"
Z_RULE = "z[b][i] = sin(1 + 0.37 i + 1.91 b) * 1.5"


def dense(fan_in, fan_out, gain):
    """A Linear layer with N(0, gain^2 / fan_in) weights and zero bias."""
    layer = nn.Linear(fan_in, fan_out)
    nn.init.normal_(layer.weight, std=gain / math.sqrt(fan_in))
    nn.init.zeros_(layer.bias)
    return layer


class Mapping(nn.Module):
    """z -> ws: pixel norm, 3 x (Linear + LeakyReLU), then w repeated for each style layer."""

    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList(dense(LATENT if k == 0 else W_DIM, W_DIM, math.sqrt(2)) for k in range(3))

    def forward(self, z):
        x = z * torch.rsqrt(z.square().mean(dim=1, keepdim=True) + 1e-8)
        for layer in self.layers:
            x = F.leaky_relu(layer(x), 0.2)
        return x.unsqueeze(1).repeat(1, STYLE_LAYERS, 1)


class StyledConv(nn.Module):
    """3x3 conv, instance norm, then scale and shift from one style layer's w (AdaIN)."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(CHANNELS, CHANNELS, 3, padding=1)
        self.affine = dense(W_DIM, 2 * CHANNELS, 0.6)

    def forward(self, x, w):
        x = self.conv(x)
        mean = x.mean(dim=(2, 3), keepdim=True)
        var = (x - mean).square().mean(dim=(2, 3), keepdim=True)
        x = (x - mean) * torch.rsqrt(var + 1e-5)
        scale, shift = self.affine(w).unsqueeze(-1).unsqueeze(-1).chunk(2, dim=1)
        return F.leaky_relu(x * (1 + scale) + shift, 0.2)


class Synthesis(nn.Module):
    """ws -> image: learned 4x4 const, 3 x (2x nearest upsample, 2 styled convs), 1x1 toRGB, tanh."""

    def __init__(self):
        super().__init__()
        self.const = nn.Parameter(torch.randn(CHANNELS, 4, 4))
        self.convs = nn.ModuleList(StyledConv() for _ in range(STYLE_LAYERS))
        self.to_rgb = nn.Conv2d(CHANNELS, 3, 1)
        nn.init.normal_(self.to_rgb.weight, std=0.5 / math.sqrt(CHANNELS))
        nn.init.zeros_(self.to_rgb.bias)

    def forward(self, ws):
        x = self.const.unsqueeze(0).expand(ws.shape[0], -1, -1, -1)
        for i, conv in enumerate(self.convs):
            if i % 2 == 0:
                x = F.interpolate(x, scale_factor=2.0, mode="nearest")
            x = conv(x, ws[:, i])
        return torch.tanh(self.to_rgb(x))


class Generator(nn.Module):
    """z -> image: the same mapping and synthesis, fused into one module."""

    def __init__(self, mapping, synthesis):
        super().__init__()
        self.mapping = mapping
        self.synthesis = synthesis

    def forward(self, z):
        return self.synthesis(self.mapping(z))


def rule_latents(count):
    """The latents expected.json is computed for, rounded to float32 as Java's (float) cast does."""
    rows = [[math.sin(1.0 + 0.37 * i + 1.91 * b) * 1.5 for i in range(LATENT)] for b in range(count)]
    return torch.tensor(rows, dtype=torch.float64).float()


def check_behaviour(generator):
    """Asserts the random network draws varied, unsaturated pictures that every style layer affects."""
    z = torch.randn(8, LATENT)
    ws = generator.mapping(z)
    image = generator.synthesis(ws)
    assert image.shape == (8, 3, RESOLUTION, RESOLUTION), image.shape
    saturated = (image.abs() > 0.99).float().mean().item()
    assert saturated < 0.05, f"{saturated:.1%} of pixels saturated"
    spread = image.std(dim=0).mean().item()
    assert spread > 0.05, f"per-pixel std over z is only {spread:.4f}"
    other = generator.mapping(torch.randn(8, LATENT))
    for layer in (0, 5):
        mixed = ws.clone()
        mixed[:, layer] = other[:, layer]
        change = (generator.synthesis(mixed) - image).abs().mean().item()
        assert change > 0.01, f"swapping style layer {layer} changes the image by only {change:.4f}"
        print(f"  swapping style layer {layer} changes pixels by {change:.3f} on average")
    print(f"  per-pixel std over z {spread:.3f}, saturated pixels {saturated:.1%}")


def save_torchscript(module, example, path):
    """Traces at batch 1, saves, reloads, and checks the reloaded module at batch 4."""
    traced = torch.jit.trace(module, example)
    torch.jit.save(traced, str(path))
    loaded = torch.jit.load(str(path))
    batch = torch.randn(4, *example.shape[1:])
    torch.testing.assert_close(loaded(batch), module(batch))
    print(f"  wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes); reloaded, batch 4 matches")
    return loaded


def save_onnx(module, example, path, input_name, output_name):
    """Exports with a dynamic batch axis, and checks the file with onnxruntime if it is installed."""
    with warnings.catch_warnings():
        # torch 1.13 warns this for every Resize (the nearest upsample); the graph is still right.
        warnings.filterwarnings("ignore", message="The shape inference of prim::Constant type is missing")
        torch.onnx.export(module, example, str(path), input_names=[input_name], output_names=[output_name],
                          dynamic_axes={input_name: {0: "batch"}, output_name: {0: "batch"}}, opset_version=OPSET)
    try:
        import onnxruntime
    except ImportError:
        print(f"  wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes); "
              "onnxruntime not installed, reload check skipped")
        return
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    batch = torch.randn(4, *example.shape[1:])
    (got,) = session.run(None, {input_name: batch.numpy()})
    torch.testing.assert_close(torch.from_numpy(got), module(batch), rtol=1e-4, atol=1e-4)
    print(f"  wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes); "
          "reloaded with onnxruntime, batch 4 matches")


def write_json(path, data):
    path.write_text(json.dumps(data, indent=2) + "\n")


def write_folder(name, fmt, files, image):
    """Writes model.json and expected.json; image is the output for rule_latents(2)."""
    folder = OUT / name
    manifest = {
        "name": name,
        "kind": "generator",
        "format": fmt,
        "description": "Test fixture: tiny random-weight network with StyleGAN2's mapping/synthesis "
                       "interface. Not a real model.",
        "latent_size": LATENT,
        "image_size": [RESOLUTION, RESOLUTION],
        "pixel_range": [-1, 1],
    }
    if "mapping" in files:
        manifest["style_layers"] = STYLE_LAYERS
    manifest["files"] = files
    manifest["provenance"] = {
        "command": "/usr/bin/python3 tools/make-fixtures.py",
        "data": "none (random weights)",
        "seed": SEED,
        "license": "CC0-1.0",
    }
    write_json(folder / "model.json", manifest)
    flat = image.reshape(image.shape[0], -1)
    write_json(folder / "expected.json", {
        "z_rule": Z_RULE,
        "mean": [row.mean().item() for row in flat],
        "pixels": [row[:16].tolist() for row in flat],
    })
    print(f"  wrote {folder.relative_to(ROOT)}/model.json and expected.json")


def make_torchscript(generator, z):
    ws = generator.mapping(z)
    single = OUT / "ts-single"
    single.mkdir(parents=True, exist_ok=True)
    image = save_torchscript(generator, z[:1], single / "generator.pt")(z)
    write_folder("ts-single", "torchscript", {"generator": "generator.pt"}, image)

    styled = OUT / "ts-styled"
    styled.mkdir(parents=True, exist_ok=True)
    mapping = save_torchscript(generator.mapping, z[:1], styled / "mapping.pt")
    synthesis = save_torchscript(generator.synthesis, ws[:1], styled / "synthesis.pt")
    image = synthesis(mapping(z))
    write_folder("ts-styled", "torchscript", {"mapping": "mapping.pt", "synthesis": "synthesis.pt"}, image)


def make_onnx(generator, z):
    ws = generator.mapping(z)
    image = generator(z)
    single = OUT / "onnx-single"
    single.mkdir(parents=True, exist_ok=True)
    save_onnx(generator, z[:1], single / "generator.onnx", "z", "image")
    write_folder("onnx-single", "onnx", {"generator": "generator.onnx"}, image)

    styled = OUT / "onnx-styled"
    styled.mkdir(parents=True, exist_ok=True)
    save_onnx(generator.mapping, z[:1], styled / "mapping.onnx", "z", "ws")
    save_onnx(generator.synthesis, ws[:1], styled / "synthesis.onnx", "ws", "image")
    write_folder("onnx-styled", "onnx", {"mapping": "mapping.onnx", "synthesis": "synthesis.onnx"}, image)


TRANSLATOR_SIZE = 64
TRANSLATOR_NGF = 8
TRANSLATOR_BLOCKS = 2


def norm_relu(channels):
    """CycleGAN's default norm ("instance": no affine, no running stats), then ReLU."""
    return [nn.InstanceNorm2d(channels), nn.ReLU(True)]


class ResnetBlock(nn.Module):
    """x + (reflect pad, 3x3 conv, norm, ReLU, reflect pad, 3x3 conv, norm), as in CycleGAN."""

    def __init__(self, dim):
        super().__init__()
        self.block = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3), *norm_relu(dim),
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3), nn.InstanceNorm2d(dim))

    def forward(self, x):
        return x + self.block(x)


class ResnetGenerator(nn.Module):
    """CycleGAN's ResnetGenerator, small: picture [B, 3, H, W] in [-1, 1] -> picture of the same size."""

    def __init__(self, ngf=TRANSLATOR_NGF, blocks=TRANSLATOR_BLOCKS):
        super().__init__()
        layers = [nn.ReflectionPad2d(3), nn.Conv2d(3, ngf, 7), *norm_relu(ngf)]
        for k in range(2):
            c = ngf * 2 ** k
            layers += [nn.Conv2d(c, 2 * c, 3, stride=2, padding=1), *norm_relu(2 * c)]
        layers += [ResnetBlock(ngf * 4) for _ in range(blocks)]
        for k in range(2):
            c = ngf * 2 ** (2 - k)
            layers += [nn.ConvTranspose2d(c, c // 2, 3, stride=2, padding=1, output_padding=1), *norm_relu(c // 2)]
        layers += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, 3, 7), nn.Tanh()]
        self.model = nn.Sequential(*layers)
        for m in self.modules():  # CycleGAN's "normal" init: N(0, 0.02) weights, zero bias
            if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
                nn.init.normal_(m.weight, 0.0, 0.02)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        return self.model(x)


class Encoder(nn.Module):
    """A picture -> an 8-vector: not a translator, for the wrong-output-shape test."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, stride=2, padding=1)
        self.head = nn.Linear(4, 8)

    def forward(self, x):
        return self.head(F.relu(self.conv(x)).mean(dim=(2, 3)))


def face_picture(size):
    """A closed-form stand-in for a selfie, as uint8 [size, size, 3]: a gradient backdrop, a skin-toned
    oval, two dark eyes and a red mouth. No random numbers, so it is the same everywhere."""
    r = torch.arange(size, dtype=torch.float64)
    y, x = torch.meshgrid(r, r, indexing="ij")
    u = (x + 0.5) / size - 0.5
    v = (y + 0.5) / size - 0.5
    rgb = torch.stack([60 + 80 * (u + 0.5), 90 + 60 * (v + 0.5), 150 - 50 * (u + 0.5)], dim=-1)
    face = (u / 0.3).square() + ((v - 0.02) / 0.38).square() < 1
    rgb[face] = torch.tensor([225.0, 180.0, 150.0], dtype=torch.float64) - 40 * v[face].unsqueeze(-1)
    for ex in (-0.12, 0.12):
        eye = ((u - ex) / 0.06).square() + ((v + 0.08) / 0.035).square() < 1
        rgb[eye] = torch.tensor([40.0, 30.0, 30.0], dtype=torch.float64)
    mouth = (u / 0.12).square() + ((v - 0.18) / 0.03).square() < 1
    rgb[mouth] = torch.tensor([170.0, 50.0, 60.0], dtype=torch.float64)
    return rgb.round().clamp(0, 255).to(torch.uint8)


def to_network(picture):
    """uint8 [H, W, 3] -> float [1, 3, H, W] in [-1, 1], as Mishmash's Pixels.toPlanes computes it."""
    return (picture.permute(2, 0, 1).unsqueeze(0).float() * torch.tensor(2.0 / 255.0) + torch.tensor(-1.0))


def to_picture(image):
    """float [1, 3, H, W] in [-1, 1] -> uint8 [H, W, 3], rounding as Mishmash's Pixels.toImages does."""
    return ((image[0].permute(1, 2, 0) + 1) * (255.0 / 2.0) + 0.5).floor().clamp(0, 255).to(torch.uint8)


def write_png(path, picture):
    """An 8-bit RGB PNG with no colour chunks, from uint8 [H, W, 3]; needs no imaging library."""
    h, w, _ = picture.shape
    rows = b"".join(b"\x00" + bytes(picture[y].flatten().tolist()) for y in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def check_translator(net, picture):
    """Asserts the random translator gives unsaturated pictures with contrast that follow its input."""
    image = net(picture)
    assert image.shape == picture.shape, image.shape
    saturated = (image.abs() > 0.99).float().mean().item()
    assert saturated < 0.05, f"{saturated:.1%} of pixels saturated"
    contrast = image.std().item()
    assert contrast > 0.05, f"output std is only {contrast:.4f}"
    other = net(picture.flip(3))
    change = (other.flip(3) - image).abs().mean().item()
    print(f"  output std {contrast:.3f}, saturated {saturated:.1%}, mirrored input changes it by {change:.3f}")


def write_translator_folder(name, fmt, file, description):
    manifest = {
        "name": name,
        "kind": "translator",
        "format": fmt,
        "description": description,
        "image_size": [TRANSLATOR_SIZE, TRANSLATOR_SIZE],
        "pixel_range": [-1, 1],
        "files": {"translator": file},
        "provenance": {
            "command": "/usr/bin/python3 tools/make-fixtures.py translators",
            "data": "none (random weights)",
            "seed": SEED,
            "license": "CC0-1.0",
        },
    }
    write_json(OUT / name / "model.json", manifest)


def make_translators():
    torch.manual_seed(SEED)
    with torch.no_grad():
        net = ResnetGenerator().eval()
        picture = face_picture(TRANSLATOR_SIZE)
        x = to_network(picture)
        print("checking the random translator:")
        check_translator(net, x)
        print("writing translator fixtures:")
        description = ("Test fixture: tiny random-weight network with the layout of CycleGAN's ResnetGenerator "
                       "(2 downsamples, 2 residual blocks, 2 transposed-conv upsamples). Not a real model.")
        for name, fmt, file in (("ts-translator", "torchscript", "netG.pt"), ("onnx-translator", "onnx", "netG.onnx")):
            folder = OUT / name
            folder.mkdir(parents=True, exist_ok=True)
            if fmt == "torchscript":
                save_torchscript(net, x, folder / file)
            else:
                save_onnx_fixed(net, x, folder / file)
            write_translator_folder(name, fmt, file, description)
            write_png(folder / "input.png", picture)
            write_png(folder / "expected.png", to_picture(net(x)))
            print(f"  wrote {folder.relative_to(ROOT)}/model.json, input.png and expected.png")

        folder = OUT / "ts-encoder"
        folder.mkdir(parents=True, exist_ok=True)
        torch.jit.save(torch.jit.trace(Encoder().eval(), x), str(folder / "encoder.pt"))
        write_translator_folder("ts-encoder", "torchscript", "encoder.pt",
                                "Test fixture: a picture -> 8-vector network posing as a translator.")
        print(f"  wrote {folder.relative_to(ROOT)}/encoder.pt and model.json")


def save_onnx_fixed(module, example, path):
    """Exports with the example's fixed shape, as most CycleGAN ONNX exports are."""
    with warnings.catch_warnings():
        # Instance norm without running stats uses each picture's own statistics in eval mode too,
        # which is what ONNX's InstanceNormalization computes; the "train=True" note changes nothing.
        warnings.filterwarnings("ignore", message="ONNX export mode is set to TrainingMode.EVAL")
        # Reflection padding's slices; the exported graph is still right.
        warnings.filterwarnings("ignore", message="Constant folding - Only steps=1")
        torch.onnx.export(module, example, str(path), input_names=["picture"], output_names=["translated"],
                          opset_version=OPSET)
    print(f"  wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


def make_generators():
    torch.manual_seed(SEED)
    with torch.no_grad():
        generator = Generator(Mapping(), Synthesis()).eval()
        print("checking the random network:")
        check_behaviour(generator)
        print("writing fixtures:")
        z = rule_latents(2)
        make_torchscript(generator, z)
        make_onnx(generator, z)


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    if which not in ("all", "generators", "translators"):
        sys.exit("usage: make-fixtures.py [all | generators | translators]")
    if which in ("all", "generators"):
        make_generators()
    if which in ("all", "translators"):
        make_translators()


if __name__ == "__main__":
    main()
