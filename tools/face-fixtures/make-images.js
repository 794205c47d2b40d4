// Makes the small test images for mishmash.face from scikit-image's public-domain / CC0 photos
// (see lib/src/test/resources/fixtures/face/SOURCES.md). Usage:
//   node make-images.js <astronaut.png> <coffee.png> <out dir>
const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');

function read(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  return { width: png.width, height: png.height, data: png.data }; // RGBA
}

function blank(width, height, grey) {
  const data = Buffer.alloc(width * height * 4, grey);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width, height, data };
}

// Box-filter resize: each output pixel averages the source pixels whose centres fall inside it.
function resize(src, width, height) {
  const out = blank(width, height, 0);
  const sx = src.width / width;
  const sy = src.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy); const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx); const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      const sum = [0, 0, 0]; let n = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const i = (yy * src.width + xx) * 4;
          sum[0] += src.data[i]; sum[1] += src.data[i + 1]; sum[2] += src.data[i + 2]; n++;
        }
      }
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out.data[o + c] = Math.round(sum[c] / n);
    }
  }
  return out;
}

function paste(dst, src, ox, oy) {
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      const i = (y * src.width + x) * 4; const o = ((y + oy) * dst.width + x + ox) * 4;
      for (let c = 0; c < 3; c++) dst.data[o + c] = src.data[i + c];
    }
  }
  return dst;
}

function crop(src, x0, y0, width, height) {
  const out = blank(width, height, 0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = ((y + y0) * src.width + x + x0) * 4; const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out.data[o + c] = src.data[i + c];
    }
  }
  return out;
}

function write(img, file) {
  const png = new PNG({ width: img.width, height: img.height, colorType: 2 });
  for (let i = 0; i < img.width * img.height; i++) {
    png.data[i * 4] = img.data[i * 4]; png.data[i * 4 + 1] = img.data[i * 4 + 1];
    png.data[i * 4 + 2] = img.data[i * 4 + 2]; png.data[i * 4 + 3] = 255;
  }
  fs.writeFileSync(file, PNG.sync.write(png, { colorType: 2 }));
  console.log(file, img.width + 'x' + img.height, fs.statSync(file).size, 'bytes');
}

const [astronautFile, coffeeFile, outDir] = process.argv.slice(2);
const astronaut = read(astronautFile);
write(paste(blank(320, 240, 128), resize(astronaut, 240, 240), 40, 0), path.join(outDir, 'astronaut-320x240.png'));
write(crop(astronaut, 130, 20, 200, 200), path.join(outDir, 'astronaut-face-200.png'));
write(resize(read(coffeeFile), 240, 160), path.join(outDir, 'coffee-240x160.png'));
