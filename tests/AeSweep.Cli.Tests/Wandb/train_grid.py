import wandb

wandb.init()
wandb.log({"loss": float(wandb.config.x)})
wandb.finish()
