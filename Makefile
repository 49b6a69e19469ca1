# Jingbao: the two commands of the README, and the steps behind them.
.PHONY: demo test web e2e bench

demo: web
	cargo run -p jingbao -- demo

test:
	bash scripts/test.sh

web:
	bash scripts/web.sh

e2e: web
	cargo build -p jingbao
	bash scripts/e2e.sh

bench:
	cargo run --release -p jingbao -- bench all
