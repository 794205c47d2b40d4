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

Needs Debian's python3-torch, at development time only: run it as
    /usr/bin/python3 tools/make-fixtures.py
from the repository root. The fixtures are committed; the project's tests never need Python.
"""

import json
import math
import warnings
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


def main():
    torch.manual_seed(SEED)
    with torch.no_grad():
        generator = Generator(Mapping(), Synthesis()).eval()
        print("checking the random network:")
        check_behaviour(generator)
        print("writing fixtures:")
        z = rule_latents(2)
        make_torchscript(generator, z)
        make_onnx(generator, z)


if __name__ == "__main__":
    main()
