#!/usr/bin/python3
"""Loads a `prpnas export` file in Python (Debian's python3-torch) and checks
it against prpnas's own logits, which the sidecar (MODEL.pt.json) records for
a few Fashion-MNIST test images; prints the largest difference. Not part of
the build: a cross-check that the file needs no prpnas to run.

    /usr/bin/python3 bench/export_check.py model.pt [DATASET_DIR]
"""
import gzip
import json
import sys

import torch


def test_images(directory):
    with gzip.open(f"{directory}/t10k-images-idx3-ubyte.gz", "rb") as f:
        data = f.read()
    count, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    return torch.frombuffer(bytearray(data[16:]), dtype=torch.uint8).reshape(count, 1, rows, cols)


def main():
    path = sys.argv[1]
    directory = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/datasets/fashion-mnist"
    with open(path + ".json") as f:
        sidecar = json.load(f)
    if sidecar["dataset"] != "fashion-mnist":
        sys.exit(f"{path}: exported for {sidecar['dataset']}; this check reads Fashion-MNIST only")
    model = torch.jit.load(path)
    model.eval()
    norm = sidecar["normalisation"]
    mean = torch.tensor(norm["mean"]).view(1, -1, 1, 1)
    std = torch.tensor(norm["std"]).view(1, -1, 1, 1)
    images = test_images(directory)[sidecar["check"]["test_file_positions"]].float() / 255
    with torch.no_grad():
        logits = model((images - mean) / std)
    expected = torch.tensor(sidecar["check"]["logits"])
    difference = (logits - expected).abs().max().item()
    print(f"{path}: torch {torch.__version__}, {len(expected)} images, max |logit difference| {difference:.3g}")
    sys.exit(0 if difference <= 1e-5 else 1)


if __name__ == "__main__":
    main()
