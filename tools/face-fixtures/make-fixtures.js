// Runs @vladmandic/face-api on the test images with TensorFlow.js's pure-JS CPU backend and writes what
// it finds as JSON fixtures for mishmash.face's tests (the Java tests never need node).
//   npm install && node make-fixtures.js [fixture dir]
// The default fixture dir is lib/src/test/resources/fixtures/face (relative to the repository root).
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const { PNG } = require('pngjs');

const dir = process.argv[2] || path.join(__dirname, '..', '..', 'lib', 'src', 'test', 'resources', 'fixtures', 'face');
const models = path.join(__dirname, 'node_modules', '@vladmandic', 'face-api', 'model');
const INPUT_SIZE = 416;
const SCORE_THRESHOLD = 0.5;

/** PNG file → int32 tensor [height, width, 3], RGB 0..255, as face-api takes it. */
function load(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const rgb = new Int32Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i++) {
    rgb[i * 3] = png.data[i * 4]; rgb[i * 3 + 1] = png.data[i * 4 + 1]; rgb[i * 3 + 2] = png.data[i * 4 + 2];
  }
  return tf.tensor3d(rgb, [png.height, png.width, 3], 'int32');
}

const round = (v) => Math.round(v * 1e6) / 1e6;
const arr = (t) => Array.from(t.dataSync(), round);
const box = (b) => ({ x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) });

async function pipeline(image) {
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: SCORE_THRESHOLD });
  const results = await faceapi.detectAllFaces(image, options).withFaceLandmarks().withFaceExpressions().withAgeAndGender();
  return results.map((r) => ({
    score: round(r.detection.score),
    box: box(r.detection.box),
    landmarks: r.landmarks.positions.map((p) => [round(p.x), round(p.y)]),
    alignedBox: box(r.alignedRect.box),
    age: round(r.age),
    gender: r.gender,
    genderProbability: round(r.genderProbability),
    expressions: Object.fromEntries(Object.entries(r.expressions).map(([k, v]) => [k, round(v)])),
  }));
}

/** Each network alone on a fixed input, so that each can be compared without the others' errors. */
async function nets(image) {
  const out = {};
  const det = await faceapi.nets.tinyFaceDetector.forward(image, INPUT_SIZE);
  out.detectorInputSize = INPUT_SIZE;
  out.detectorShape = det.shape;
  out.detector = arr(det);
  const lm = await faceapi.nets.faceLandmark68Net.forward(image);
  out.landmarksRelative = arr(lm);
  const ex = await faceapi.nets.faceExpressionNet.forward(image);
  out.expressions = arr(ex);
  const ag = await faceapi.nets.ageGenderNet.forward(image);
  out.age = arr(ag.age)[0];
  out.gender = arr(ag.gender);
  tf.dispose([det, lm, ex, ag.age, ag.gender]);
  return out;
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
  await faceapi.nets.faceExpressionNet.loadFromDisk(models);
  await faceapi.nets.ageGenderNet.loadFromDisk(models);
  const pkg = JSON.parse(fs.readFileSync(path.join(models, '..', 'package.json'), 'utf8'));
  const images = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  for (const name of images) {
    const image = load(path.join(dir, name));
    const fixture = {
      image: name,
      width: image.shape[1],
      height: image.shape[0],
      madeBy: `${pkg.name} ${pkg.version} on @tensorflow/tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}`,
      options: { inputSize: INPUT_SIZE, scoreThreshold: SCORE_THRESHOLD },
      faces: await pipeline(image),
      nets: await nets(image),
    };
    image.dispose();
    const file = path.join(dir, name.replace(/\.png$/, '.json'));
    fs.writeFileSync(file, JSON.stringify(fixture, null, 1) + '\n');
    console.log(file, fixture.faces.length, 'face(s)', fixture.faces.map((f) => `${f.gender} ${f.age.toFixed(1)}`).join(', '));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
