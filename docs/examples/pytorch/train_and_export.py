#!/usr/bin/env python3
"""Train a small PyTorch classifier on MNIST or Fashion-MNIST, export it to ONNX for Tenfold,
and measure its test accuracy with PyTorch itself, so you can compare it with Tenfold's number.

    python3 train_and_export.py --dataset mnist --data-dir ./data --out mnist-cnn.onnx
    npx tenfold submit mnist-cnn.onnx --dataset mnist --scale standard --mean 0.1307 --std 0.3081 --wait

--data-dir holds the four IDX files of the dataset (train-images-idx3-ubyte, train-labels-idx1-ubyte,
t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte; raw or .gz), e.g. torchvision's MNIST/raw folder.
Needs only torch (and onnx, which torch.onnx.export uses): apt-get install python3-torch python3-onnx,
or pip install torch onnx. See docs/guides/pytorch.md.
"""
import argparse
import gzip
import json
import os
import struct
import time

import torch
from torch import nn

IMAGES_MAGIC, LABELS_MAGIC = 2051, 2049
# Mean and std of the training pixels / 255: what transforms.Normalize usually gets for these datasets.
NORMALIZATION = {"mnist": (0.1307, 0.3081), "fashion-mnist": (0.286, 0.353)}


def read_idx(directory, name, magic):
    """One IDX file as a uint8 tensor: images [N, 1, 28, 28] or labels [N]."""
    for candidate in (name, name + ".gz"):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            with open(path, "rb") as handle:
                data = handle.read()
            if candidate.endswith(".gz"):
                data = gzip.decompress(data)
            found, count = struct.unpack(">II", data[:8])
            if found != magic:
                raise SystemExit(f"{path}: magic number {found}, expected {magic}: not an IDX file of this kind")
            if magic == IMAGES_MAGIC:
                rows, cols = struct.unpack(">II", data[8:16])
                return torch.frombuffer(bytearray(data[16:]), dtype=torch.uint8).reshape(count, 1, rows, cols)
            return torch.frombuffer(bytearray(data[8:]), dtype=torch.uint8).long()
    raise SystemExit(f"{name}(.gz) not found in {directory}")


def load_split(directory, split):
    prefix = "train" if split == "train" else "t10k"
    images = read_idx(directory, f"{prefix}-images-idx3-ubyte", IMAGES_MAGIC)
    labels = read_idx(directory, f"{prefix}-labels-idx1-ubyte", LABELS_MAGIC)
    return images, labels


def make_model(kind):
    if kind == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10))
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 10),
    )


class WithNormalization(nn.Module):
    """Puts Normalize inside the exported graph, so the model takes pixel/255 (declare --scale unit)."""

    def __init__(self, model, mean, std):
        super().__init__()
        self.model, self.mean, self.std = model, mean, std

    def forward(self, x):
        return self.model((x - self.mean) / self.std)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", choices=sorted(NORMALIZATION), default="mnist")
    parser.add_argument("--data-dir", required=True, help="folder with the dataset's four IDX files")
    parser.add_argument("--out", required=True, help="where to write the .onnx file")
    parser.add_argument("--model", choices=["cnn", "mlp"], default="cnn")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--train-limit", type=int, help="train on the first N training images only (a quick try)")
    parser.add_argument("--bake-normalization", action="store_true",
                        help="export Normalize inside the model: submit with --scale unit instead of standard")
    parser.add_argument("--report", help="also write PyTorch's own test results here as JSON")
    args = parser.parse_args()

    torch.manual_seed(0)
    mean, std = NORMALIZATION[args.dataset]
    # Exactly torchvision's ToTensor() then Normalize((mean,), (std,)): pixel/255, then standardised.
    to_input = lambda images: (images.float() / 255.0 - mean) / std  # noqa: E731

    train_images, train_labels = load_split(args.data_dir, "train")
    if args.train_limit:
        train_images, train_labels = train_images[:args.train_limit], train_labels[:args.train_limit]
    test_images, test_labels = load_split(args.data_dir, "test")
    model = make_model(args.model)
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3)
    loss_fn = nn.CrossEntropyLoss()
    started = time.time()
    model.train()
    for epoch in range(args.epochs):
        order = torch.randperm(len(train_labels))
        for start in range(0, len(order), 128):
            batch = order[start:start + 128]
            optimiser.zero_grad()
            loss_fn(model(to_input(train_images[batch])), train_labels[batch]).backward()
            optimiser.step()
        print(f"epoch {epoch + 1}/{args.epochs} done after {time.time() - started:.1f} s", flush=True)
    model.eval()

    # PyTorch's own accuracy on the 10,000 test images: Tenfold should report the same number.
    with torch.no_grad():
        predictions = torch.cat([model(to_input(test_images[i:i + 1000])).argmax(1) for i in range(0, len(test_labels), 1000)])
    correct = int((predictions == test_labels).sum())
    accuracy = correct / len(test_labels)

    exported = WithNormalization(model, mean, std) if args.bake_normalization else model
    # A dynamic batch axis: Tenfold scores images in batches. [N, 1, 28, 28] is its default layout (nchw).
    torch.onnx.export(
        exported, torch.zeros(1, 1, 28, 28), args.out,
        input_names=["input"], output_names=["logits"],
        dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13,
    )
    scale = ["--scale", "unit"] if args.bake_normalization else ["--scale", "standard", "--mean", str(mean), "--std", str(std)]
    command = ["npx", "tenfold", "submit", args.out, "--dataset", args.dataset, *scale, "--wait"]
    print(f"PyTorch test accuracy: {accuracy:.4f} ({correct} of {len(test_labels)} correct)")
    print(f"wrote {args.out}; submit it with:\n  {' '.join(command)}")
    if args.report:
        with open(args.report, "w") as handle:
            json.dump({"dataset": args.dataset, "model": args.model, "accuracy": accuracy, "correct": correct,
                       "total": len(test_labels), "submitArgs": command[3:]}, handle, indent=2)


if __name__ == "__main__":
    main()
