#!/usr/bin/python3
# The figures tests/nn/mbconv_network_test.cc checks prpnas's all-k3e6
# mobilenetv2 network against: torchvision's mobilenet_v2() parameters, and
# its multiply-accumulates at 224x224 counted by forward hooks with prpnas's
# rules (Conv2d: output elements x in/groups x kh x kw; Linear: in x out,
# + out with a bias). bench/ofa_counts.py counts with the same function.
# Needs Debian's python3-torchvision (scripts/bootstrap-bench).
import torch
import torchvision


def counts(model, side=224):
    """(parameters, MACs) of `model` on one 3 x side x side image."""
    macs = [0]

    def conv(module, inputs, out):
        macs[0] += out[0].numel() * module.in_channels // module.groups * module.kernel_size[0] * module.kernel_size[1]

    def linear(module, inputs, out):
        macs[0] += module.in_features * module.out_features + (module.out_features if module.bias is not None else 0)

    for m in model.modules():
        if isinstance(m, torch.nn.Conv2d):
            m.register_forward_hook(conv)
        if isinstance(m, torch.nn.Linear):
            m.register_forward_hook(linear)
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, side, side))
    return sum(p.numel() for p in model.parameters()), macs[0]


if __name__ == "__main__":
    params, macs = counts(torchvision.models.mobilenet_v2())
    print("params", params)
    print("macs", macs)
