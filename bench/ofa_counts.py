#!/usr/bin/python3
# The figures tests/nn/mbconv_network_test.cc checks prpnas's ofa space
# against: Once-for-All's MobileNetV3 w1.2 network (the Note10 tables'),
# built from torchvision's MobileNetV3 with OFA's widths (stem 24, first
# block 24, stages 32, 48, 96, 136, 192, head 1152, feature mix 1536), at
# 224x224: parameters, and multiply-accumulates counted by forward hooks with
# prpnas's rules (bench/mobilenet_v2_counts.py's counts). OFA's feature mix is a
# 1x1 conv without bias, so torchvision's first classifier Linear is replaced
# by one without bias. Two networks: every layer k7e6 at depth 4, and every
# stage at depth 2 with k3e3.
# Needs Debian's python3-torchvision (scripts/bootstrap-bench).
import torch
from torchvision.models.mobilenetv3 import InvertedResidualConfig, MobileNetV3

from mobilenet_v2_counts import counts

STAGES = [(32, 2, "RE", False), (48, 2, "RE", True), (96, 2, "HS", False), (136, 1, "HS", True), (192, 2, "HS", True)]


def network(kernel, expansion, depth):
    cnf = [InvertedResidualConfig(24, 3, 24, 24, False, "RE", 1, 1, 1.0)]
    c = 24
    for width, stride, act, se in STAGES:
        for layer in range(depth):
            cnf.append(InvertedResidualConfig(c, kernel, c * expansion, width, se, act, stride if layer == 0 else 1, 1, 1.0))
            c = width
    model = MobileNetV3(cnf, last_channel=1536)
    model.classifier[0] = torch.nn.Linear(1152, 1536, bias=False)
    return model


for name, args in [("k7e6 depth 4", (7, 6, 4)), ("k3e3 depth 2", (3, 3, 2))]:
    params, macs = counts(network(*args))
    print(name, "params", params, "macs", macs)
