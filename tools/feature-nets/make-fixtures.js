// What TensorFlow.js itself computes with the two feature networks, for mishmash.tfjs.KerasNet's tests.
// Input pictures: the astronaut photo from the face fixtures, centre-cropped and resized with
// TensorFlow.js to each network's test size, written as PNG (so both sides read the same bytes).
// Output per network: the pooled (spatial mean) output of a few layers, and the final softmax.
//   npm install --ignore-scripts && node make-fixtures.js
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { PNG } = require('pngjs');

const root = path.join(__dirname, '..', '..');
const out = path.join(root, 'lib', 'src', 'test', 'resources', 'fixtures', 'features');
const source = path.join(root, 'lib', 'src', 'test', 'resources', 'fixtures', 'face', 'astronaut-320x240.png');

function loadModel(folder) {
  const topology = JSON.parse(fs.readFileSync(path.join(folder, 'topology.json'), 'utf8'));
  const specs = [];
  const buffers = [];
  for (const group of topology.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(folder, p)));
  }
  const all = Buffer.concat(buffers);
  const data = all.buffer.slice(all.byteOffset, all.byteOffset + all.length);
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: topology.modelTopology, weightSpecs: specs, weightData: data }));
}

function picture(size) {
  const png = PNG.sync.read(fs.readFileSync(source));
  const side = Math.min(png.width, png.height);
  const x0 = (png.width - side) >> 1;
  const y0 = (png.height - side) >> 1;
  const rgb = new Float32Array(side * side * 3);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) for (let c = 0; c < 3; c++) {
    rgb[(y * side + x) * 3 + c] = png.data[((y + y0) * png.width + x + x0) * 4 + c];
  }
  const resized = tf.image.resizeBilinear(tf.tensor3d(rgb, [side, side, 3]), [size, size]).round().clipByValue(0, 255);
  const bytes = resized.dataSync();
  const img = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) {
    for (let c = 0; c < 3; c++) img.data[i * 4 + c] = bytes[i * 3 + c];
    img.data[i * 4 + 3] = 255;
  }
  const name = `astronaut-${size}.png`;
  fs.writeFileSync(path.join(out, name), PNG.sync.write(img));
  return { name, input: resized.div(255).expandDims(0) };
}

async function run(modelName, size, layers) {
  const model = await loadModel(path.join(root, 'models', modelName));
  const { name, input } = picture(size);
  const outputs = layers.map((l) => model.getLayer(l).output).concat([model.outputs[0]]);
  const probe = tf.model({ inputs: model.inputs, outputs });
  const values = probe.predict(input);
  const result = { model: modelName, picture: name, size, layers: {}, shapes: {} };
  layers.forEach((l, i) => {
    result.shapes[l] = values[i].shape;
    result.layers[l] = Array.from(values[i].mean([0, 1, 2]).dataSync());
  });
  result.probabilities = Array.from(values[layers.length].dataSync());
  fs.writeFileSync(path.join(out, `${modelName}.json`), JSON.stringify(result));
  console.log(modelName, name, JSON.stringify(result.shapes), result.probabilities);
}

(async () => {
  await tf.setBackend('cpu');
  fs.mkdirSync(out, { recursive: true });
  await run('mobilenet-v2', 224, ['Conv1_relu', 'block_2_add', 'block_5_add', 'block_10_project_BN', 'block_16_project_BN', 'out_relu']);
  await run('inception-v3', 299, ['max_pooling2d_2', 'average_pooling2d_1', 'mixed2', 'mixed5', 'mixed7', 'mixed10']);
})();
