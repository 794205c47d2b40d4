// Writes nsfwjs's MobileNetV2 and InceptionV3 into models/mobilenet-v2 and models/inception-v3:
// topology.json (the Layers model: modelTopology + weightsManifest, as the package's
// dist/models/<name>/model.min.js exports it) and the weight shards (the bytes its
// group1-shard*.min.js modules export), byte for byte, plus the package's MIT license.
//   npm install --ignore-scripts && node extract.js
const fs = require('fs');
const path = require('path');
const pkg = path.join(__dirname, 'node_modules', 'nsfwjs');
const models = path.join(__dirname, '..', '..', 'models');
for (const [from, to] of [['mobilenet_v2', 'mobilenet-v2'], ['inception_v3', 'inception-v3']]) {
  const dir = path.join(pkg, 'dist', 'models', from);
  const out = path.join(models, to);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'topology.json'), JSON.stringify(require(path.join(dir, 'model.min.js'))));
  for (const f of fs.readdirSync(dir).filter((f) => f.startsWith('group'))) {
    const bytes = Buffer.from(require(path.join(dir, f)), 'base64'); // each shard module exports its bytes as base64
    fs.writeFileSync(path.join(out, f.replace('.min.js', '')), bytes);
    console.log(to, f.replace('.min.js', ''), bytes.length, 'bytes');
  }
  fs.copyFileSync(path.join(pkg, 'LICENSE'), path.join(out, 'LICENSE'));
}
