"""Generates a GitOps-like tree of N files for bench/scan/run: python3 generate.py DIR N."""
import os
import sys

root, count = sys.argv[1], int(sys.argv[2])
versions = ["3.8", "3.9", "3.11", "3.12"]
community = ["3.8-slim", "3.9-alpine3.19", "3.12-slim-bookworm", "3.13"]

BUILDCONFIG = """# app {i}: builders and ImageStream
apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
  name: app-{i}
spec:
  tags:
    - name: "{v}"
      from:
        kind: DockerImage
        name: 'registry.redhat.io/ubi8/python-{c}:latest'   # imported
---
apiVersion: build.openshift.io/v1
kind: BuildConfig
metadata:
  name: app-{i}
  labels: {{app: app-{i}, team: t{t}}}
spec:
  source:
    git:
      uri: https://git.example.com/t{t}/app-{i}.git
  strategy:
    sourceStrategy:
      from:
        kind: ImageStreamTag
        namespace: openshift
        name: python:{v}-ubi8
      env:
        - name: UPGRADE_PIP_TO_LATEST
          value: "true"
"""
KUSTOMIZATION = """apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - buildconfig.yaml
  - pythonapp.yaml
images:
  - name: python   # worker
    newTag: {cv}
"""
PYTHONAPP = """apiVersion: pythonapp.dev/v1alpha1
kind: PythonApp
metadata:
  name: app-{i}
spec:
  source:
    git:
      uri: https://git.example.com/t{t}/app-{i}.git
  pythonVersion: "{v}"
  run:
    appModule: wsgi:application
"""
VALUES = """image:
  registry: registry.access.redhat.com
  repository: ubi9/python-{c}
  tag: "1-{i}"
resources:
  limits: {{cpu: 500m, memory: 512Mi}}
"""
DOCKERFILE = """# syntax=docker/dockerfile:1
FROM python:{cv} AS build
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir \\
      -r requirements.txt
RUN <<EOF
dnf install -y gcc && dnf clean all
EOF
COPY . .
USER 1001
CMD ["gunicorn", "wsgi"]
"""
kinds = [("buildconfig.yaml", BUILDCONFIG), ("kustomization.yaml", KUSTOMIZATION), ("pythonapp.yaml", PYTHONAPP),
         ("values.yaml", VALUES), ("Dockerfile", DOCKERFILE)]
for n in range(count):
    i = n // len(kinds)
    name, template = kinds[n % len(kinds)]
    v = versions[i % len(versions)]
    text = template.format(i=i, t=i % 17, v=v, c=v.replace(".", ""), cv=community[i % len(community)])
    d = os.path.join(root, f"team-{i % 17}", f"app-{i}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "w", newline="") as f:
        f.write(text.replace("\n", "\r\n") if n % 4 == 0 else text)
