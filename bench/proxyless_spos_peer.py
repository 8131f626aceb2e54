#!/usr/bin/python3
"""An independent PyTorch peer for docs/METHOD.md, "Why its supernets learn
slowly": the ProxylessNAS supernet at prpnas's CPU preset (width 0.25, 28x28:
stem 8, first block 8 without shortcut, stages 8, 16, 24, 24, 48, 80 with
strides 2, 2, 1, 1, 2, 1, head 320), written here from the paper's
definition, trained by SPOS for 200 steps of batch 64 on 25,000 Fashion-MNIST
images (SGD, Nesterov momentum 0.9, learning rate 0.05 with cosine decay over
the 200 steps, weight decay 5e-4; unused blocks get no gradient), one thread.
Prints, per way of drawing the paths and seed, the mean training loss over
steps 181-200 (chance: ln 10 = 2.30).

    /usr/bin/python3 bench/proxyless_spos_peer.py [DATASET_DIR]
"""
import gzip
import math
import random
import sys

import torch
import torch.nn as nn

STAGES = [(8, 4, 2), (16, 4, 2), (24, 4, 1), (24, 4, 1), (48, 4, 2), (80, 1, 1)]  # width, layers, first stride
CHOICES = [(k, e) for k in (3, 5, 7) for e in (3, 6)]  # then skip
SKIP = len(CHOICES)
FIXED = [1, 1, 6, 2, 1, 6, 0, 4, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0]  # k3e6 k3e6 skip k5e3 ...: a ground-truth network


def conv_bn(cin, cout, k, stride=1, groups=1, act=True):
    layers = [nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    return nn.Sequential(*layers, nn.ReLU6()) if act else nn.Sequential(*layers)


def mbconv(cin, cout, k, e, stride):
    mid = cin * e
    expand = [conv_bn(cin, mid, 1)] if e != 1 else []
    return nn.Sequential(*expand, conv_bn(mid, mid, k, stride, mid), conv_bn(mid, cout, 1, act=False))


class Supernet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = conv_bn(1, 8, 3)
        self.first = mbconv(8, 8, 3, 1, 1)
        self.layers, self.first_of_stage = nn.ModuleList(), []
        c = 8
        for width, n, stride in STAGES:
            for i in range(n):
                self.layers.append(nn.ModuleList(mbconv(c, width, k, e, stride if i == 0 else 1) for k, e in CHOICES))
                self.first_of_stage.append(i == 0)
                c = width
        self.head = conv_bn(c, 320, 1)
        self.classifier = nn.Linear(320, 10)

    def forward(self, x, path):
        h = self.first(self.stem(x))
        for layer, choice, first in zip(self.layers, path, self.first_of_stage):
            if choice != SKIP:
                h = layer[choice](h) if first else h + layer[choice](h)
        return self.classifier(self.head(h).mean((2, 3)))


def draw(rng, first, mode, d):
    if mode == "fixed":
        return FIXED[d]
    choice = rng.randrange(SKIP if first else SKIP + 1)
    if mode == "no skip" and choice == SKIP:
        return 1  # k3e6
    if mode == "skip or k3e6" and choice != SKIP:
        return 1
    return choice


def images(directory, name):
    with gzip.open(f"{directory}/{name}-images-idx3-ubyte.gz", "rb") as f:
        data = f.read()
    with gzip.open(f"{directory}/{name}-labels-idx1-ubyte.gz", "rb") as f:
        labels = f.read()
    x = torch.frombuffer(bytearray(data[16:]), dtype=torch.uint8).reshape(-1, 1, 28, 28).float() / 255
    return (x - 0.2860) / 0.3530, torch.frombuffer(bytearray(labels[8:]), dtype=torch.uint8).long()


def late_loss(mode, seed, x, y, steps=200, batch=64):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    net = Supernet()
    sgd = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4)
    order = torch.randperm(50000, generator=torch.Generator().manual_seed(seed))[:25000]
    losses = []
    for step in range(steps):
        for g in sgd.param_groups:
            g["lr"] = 0.5 * 0.05 * (1 + math.cos(math.pi * step / steps))
        idx = order[(step * batch) % 25000:][:batch]
        path = [draw(rng, first, mode, d) for d, first in enumerate(net.first_of_stage)]
        sgd.zero_grad(set_to_none=True)
        loss = nn.functional.cross_entropy(net(x[idx], path), y[idx])
        loss.backward()
        sgd.step()
        losses.append(loss.item())
    return sum(losses[180:200]) / 20


if __name__ == "__main__":
    torch.set_num_threads(1)
    x, y = images(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist", "train")
    for mode in ["uniform", "no skip", "skip or k3e6", "fixed"]:
        print(f"{mode:>13}:", " ".join(f"{late_loss(mode, seed, x, y):.2f}" for seed in (0, 1, 2)), flush=True)
