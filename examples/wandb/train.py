"""A W&B training script as W&B users write it: wandb.init, wandb.config, wandb.log, wandb.Image, run.summary."""
import math

import wandb

run = wandb.init(project="wandb-drop-in", config={"lr": 0.5, "epochs": 2, "model": {"width": 4, "depth": 2}})
config = wandb.config
assert config.model.depth == 2, "the script's own defaults stay"
assert config["model"]["width"] in (8, 16), "the sweep's values win"

loss = float("inf")
for epoch in range(config.epochs):
    # A stand-in for training: best near lr = e^-3, better with every epoch.
    loss = abs(math.log(config.lr) + 3) + 1.0 / (epoch + 1) + config.model.width / 1000
    wandb.log({"val_loss": loss, "train/loss": 2 * loss, "epoch": epoch})

wandb.log({"reconstruction": wandb.Image([[0.0, 0.5, 1.0], [1.0, 0.5, 0.0]], caption="a tiny picture")})
run.summary["val_loss"] = loss
wandb.finish()
