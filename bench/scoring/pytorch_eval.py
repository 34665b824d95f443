"""PyTorch's own CPU evaluation of the fixture networks, as the peer of Tenfold's scorer.

Loads each network's weights from its ONNX export (torch.onnx.export keeps the state_dict names
as initializer names), checks that PyTorch still predicts what the fixture recorded, and prints
one JSON object: {name: {"images_per_second": ..., "seconds": ...}} for the 10,000 MNIST test
images, best of `repeats`, with `threads` intra-op threads.

    /usr/bin/python3 bench/scoring/pytorch_eval.py <threads> <repeats>
"""
import json
import os
import sys
import time

import numpy as np
import onnx
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "../../packages/scoring/tests/fixtures/pytorch")
sys.path.insert(0, FIXTURES)
from make_fixtures import MEAN, STD, networks, read_idx  # noqa: E402


def load(name):
    model = networks()[name]
    graph = onnx.load(os.path.join(FIXTURES, f"{name}.onnx")).graph
    weights = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in graph.initializer}
    model.load_state_dict({key: weights[key] for key in model.state_dict()})
    return model.eval()


def main():
    threads, repeats = int(sys.argv[1]), int(sys.argv[2])
    torch.set_num_threads(threads)
    pixels = read_idx("t10k-images-idx3-ubyte", 16)
    results = {}
    for name in networks():
        model = load(name)
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            with torch.no_grad():
                x = torch.from_numpy(pixels.reshape(-1, 1, 28, 28).copy()).float().div(255).sub(MEAN).div(STD)
                predictions = torch.cat([model(x[i:i + 1000]).argmax(dim=1) for i in range(0, 10000, 1000)])
            best = min(best, time.perf_counter() - start)
        with open(os.path.join(FIXTURES, f"{name}.predictions"), "rb") as f:
            expected = np.frombuffer(f.read(), dtype=np.uint8)
        if not np.array_equal(predictions.numpy().astype(np.uint8), expected):
            raise SystemExit(f"{name}: PyTorch no longer predicts what the fixture recorded")
        results[name] = {"images_per_second": 10000 / best, "seconds": best}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
