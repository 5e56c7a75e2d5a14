import argparse
import json

import wandb

parser = argparse.ArgumentParser()
parser.add_argument("--fixed", type=int, required=True)
parser.add_argument("config")
args = parser.parse_args()
config = json.loads(args.config)
assert args.fixed == 7
assert config["opt"]["kind"] in ("adam", "sgd"), config

wandb.init(config=config)
for step in range(5):
    score = 1 - abs(wandb.config.x - 0.7) - 0.05 * (4 - step)
    wandb.log({"score": score}, step=step * 10)
# No wandb.finish(): the run's summary is reported when the script ends, as W&B does.
