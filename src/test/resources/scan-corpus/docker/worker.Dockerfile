# syntax=docker/dockerfile:1
FROM docker.io/library/python:3.13-slim-bookworm AS base
ENV PIP_NO_CACHE_DIR=off
COPY requirements.txt ./
RUN <<EOF
pip install -r requirements.txt
EOF
RUN <<-SETUP bash
	dnf install -y gcc
	dnf clean all
	SETUP
RUN dnf install -y make
COPY . .
CMD ["python", "-m", "worker"]
