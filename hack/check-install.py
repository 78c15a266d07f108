#!/usr/bin/env python3
"""Assertions on rendered install manifests, for hack/check-install (needs PyYAML).

  check-install.py render VARIANT FILE          what a helm template / kustomize variant must contain
  check-install.py rbac FILE...                 RBAC rules: exactly the expected ones, no wildcards, no Secrets,
                                                a YAML comment on each rule
  check-install.py same HELM_FILE KUSTOMIZE_FILE KIND...
                                                the chart and deploy/ agree on these kinds (rules, webhooks, pod spec)
  check-install.py served FILE API_VERSIONS_FILE  print FILE without the documents whose apiVersion the cluster does
                                                not serve (one "SKIP kind/name" line per dropped document on stderr)
Exit status 1 with one line per problem on stderr.
"""
import copy
import re
import sys

import yaml

IMAGE = "quay.io/pythonapp/pythonapp-operator:0.1.0"
ALL = ["get", "list", "watch", "create", "patch", "update", "delete"]
# (apiGroup, resource) -> verbs: the operator's rules in a managed namespace
MANAGED_RULES = {
    ("pythonapp.dev", "pythonapps"): ["get", "list", "watch"],
    ("pythonapp.dev", "pythonapps/status"): ["get", "patch", "update"],
    ("pythonapp.dev", "pythonapps/finalizers"): ["update"],
    ("image.openshift.io", "imagestreams"): ALL,
    ("build.openshift.io", "buildconfigs"): ALL,
    ("apps", "deployments"): ALL,
    ("", "services"): ALL,
    ("", "configmaps"): ALL,
    ("route.openshift.io", "routes"): ALL,
    ("route.openshift.io", "routes/custom-host"): ["create"],
    ("", "events"): ["create", "patch"],
}
CLUSTER_RULES = {**MANAGED_RULES, ("", "namespaces"): ["get", "list", "watch"]}
# the Role in the operator's own namespace when it is not one of the watched namespaces (chart only)
CATALOG_RULES = {("", "configmaps"): ["get", "list", "watch"], ("", "events"): ["create", "patch"]}

problems = []


def problem(msg):
    problems.append(msg)


def load(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d]


def ident(d):
    md = d.get("metadata", {})
    ns = md.get("namespace")
    return f"{d['kind']}/{md.get('name')}" + (f" (ns {ns})" if ns else "")


def find(docs, kind, name=None, namespace=None):
    out = [d for d in docs if d["kind"] == kind
           and (name is None or d["metadata"]["name"] == name)
           and (namespace is None or d["metadata"].get("namespace") == namespace)]
    return out


def one(docs, kind, name=None, namespace=None):
    found = find(docs, kind, name, namespace)
    if len(found) != 1:
        problem(f"expected one {kind}{' ' + name if name else ''}{' in ' + namespace if namespace else ''}, "
                f"found {len(found)}")
        return {}
    return found[0]


def expect(cond, msg):
    if not cond:
        problem(msg)


def rules_map(role):
    m = {}
    for r in role.get("rules", []):
        for g in r.get("apiGroups", []):
            for res in r.get("resources", []):
                m.setdefault((g, res), []).extend(r.get("verbs", []))
    return {k: sorted(v) for k, v in m.items()}


def expect_rules(role, expected):
    got = rules_map(role)
    want = {k: sorted(v) for k, v in expected.items()}
    for k in sorted(set(got) | set(want)):
        if got.get(k) != want.get(k):
            problem(f"{ident(role)}: rule {k[0] or 'core'}/{k[1]}: verbs {got.get(k)}, expected {want.get(k)}")


def container(docs):
    dep = one(docs, "Deployment")
    try:
        return dep, dep["spec"]["template"]["spec"], dep["spec"]["template"]["spec"]["containers"][0]
    except (KeyError, IndexError):
        problem("Deployment without a container")
        return dep, {}, {}


def env_map(c):
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in c.get("env", [])}


def check_deployment(docs, webhook=True, namespaces_env=None):
    dep, pod, c = container(docs)
    if not c:
        return
    expect(dep["spec"].get("replicas") == 1, "Deployment: replicas must be 1")
    psc = pod.get("securityContext", {})
    expect(psc.get("runAsNonRoot") is True, "pod securityContext.runAsNonRoot must be true")
    expect(psc.get("seccompProfile", {}).get("type") == "RuntimeDefault", "pod seccompProfile must be RuntimeDefault")
    sc = c.get("securityContext", {})
    expect(sc.get("allowPrivilegeEscalation") is False, "container allowPrivilegeEscalation must be false")
    expect(sc.get("readOnlyRootFilesystem") is True, "container readOnlyRootFilesystem must be true")
    expect(sc.get("capabilities", {}).get("drop") == ["ALL"], "container must drop ALL capabilities")
    expect(c.get("image") == IMAGE, f"image {c.get('image')}, expected {IMAGE}")
    sa = pod.get("serviceAccountName")
    expect(sa and find(docs, "ServiceAccount", sa), f"serviceAccountName {sa} has no ServiceAccount")
    env = env_map(c)
    expect(env.get("POD_NAMESPACE") == {"fieldRef": {"fieldPath": "metadata.namespace"}},
           "POD_NAMESPACE must come from fieldRef metadata.namespace")
    for k, v in {"PYTHONAPP_EOL_POLICY": "Rewrite", "PYTHONAPP_EOL_BASIS": "vendor", "PYTHONAPP_EOL_WARN_DAYS": "90",
                 "PYTHONAPP_CATALOG_CONFIG_MAP_NAME": "pythonapp-builder-catalog"}.items():
        expect(env.get(k) == v, f"env {k}={env.get(k)!r}, expected {v!r}")
    for var in ("QUARKUS_OPERATOR_SDK_CONTROLLERS_PYTHONAPP_NAMESPACES", "QUARKUS_OPERATOR_SDK_NAMESPACES"):
        expect(env.get(var) == namespaces_env, f"env {var}={env.get(var)!r}, expected {namespaces_env!r}")
    ssl = {"QUARKUS_HTTP_SSL_PORT": "8443",
           "QUARKUS_HTTP_SSL_CERTIFICATE_FILES": "/etc/pythonapp/webhook-tls/tls.crt",
           "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES": "/etc/pythonapp/webhook-tls/tls.key"}
    for k, v in ssl.items():
        expect(env.get(k) == (v if webhook else None), f"env {k}={env.get(k)!r} (webhook={webhook})")
    ports = {p["name"]: p["containerPort"] for p in c.get("ports", [])}
    expect(ports == ({"http": 8080, "https": 8443} if webhook else {"http": 8080}), f"container ports {ports}")
    for probe, path in [("livenessProbe", "/q/health/live"), ("readinessProbe", "/q/health/ready")]:
        get = c.get(probe, {}).get("httpGet", {})
        expect(get.get("path") == path and get.get("port") in ("http", 8080), f"{probe}: {get}")
    res = c.get("resources", {})
    expect(res.get("requests") == {"cpu": "100m", "memory": "256Mi"}, f"resources.requests {res.get('requests')}")
    expect(res.get("limits") == {"memory": "512Mi"}, f"resources.limits {res.get('limits')}")
    mounts = {m["name"]: m["mountPath"] for m in c.get("volumeMounts", [])}
    vols = {v["name"]: v for v in pod.get("volumes", [])}
    expect(mounts.get("tmp") == "/tmp" and "emptyDir" in vols.get("tmp", {}), "/tmp must be an emptyDir")
    if webhook:
        expect(mounts.get("webhook-tls") == "/etc/pythonapp/webhook-tls", "webhook TLS mount")
        expect(vols.get("webhook-tls", {}).get("secret", {}).get("secretName") == "pythonapp-operator-webhook-tls",
               "webhook TLS volume must be the Secret pythonapp-operator-webhook-tls")
    else:
        expect("webhook-tls" not in vols, "no webhook TLS volume without webhooks")


def check_service(docs, webhook=True, annotations=None):
    svc = one(docs, "Service")
    ports = {p["name"]: (p["port"], p.get("targetPort")) for p in svc.get("spec", {}).get("ports", [])}
    want = {"http-metrics": (8080, "http")}
    if webhook:
        want["webhook"] = (443, "https")
    expect(ports == want, f"Service ports {ports}, expected {want}")
    dep = one(docs, "Deployment")
    sel = svc.get("spec", {}).get("selector", {})
    pod_labels = dep.get("spec", {}).get("template", {}).get("metadata", {}).get("labels", {})
    expect(sel and all(pod_labels.get(k) == v for k, v in sel.items()), "Service selector does not select the pod")
    expect((svc.get("metadata", {}).get("annotations") or None) == annotations,
           f"Service annotations {svc.get('metadata', {}).get('annotations')}, expected {annotations}")
    return svc


def check_webhooks(docs, service_ns, annotations=None, watched=None):
    v = one(docs, "ValidatingWebhookConfiguration")
    m = one(docs, "MutatingWebhookConfiguration")
    svc = one(docs, "Service")
    for cfg in (v, m):
        if cfg:
            expect((cfg["metadata"].get("annotations") or None) == annotations,
                   f"{ident(cfg)} annotations {cfg['metadata'].get('annotations')}, expected {annotations}")
    hooks = {h["name"]: h for h in v.get("webhooks", []) + m.get("webhooks", [])}
    want = {
        "pythonapps.validate.pythonapp.dev": ("pythonapp.dev", "v1alpha1", "pythonapps", ["CREATE", "UPDATE"],
                                              "/admission/validate-pythonapp", "Fail"),
        "buildconfigs.validate.pythonapp.dev": ("build.openshift.io", "v1", "buildconfigs", ["CREATE", "UPDATE"],
                                                "/admission/validate-buildconfig", "Ignore"),
        "buildconfigs.mutate.pythonapp.dev": ("build.openshift.io", "v1", "buildconfigs", ["CREATE"],
                                              "/admission/mutate-buildconfig", "Ignore"),
    }
    expect(sorted(h["name"] for h in v.get("webhooks", [])) ==
           ["buildconfigs.validate.pythonapp.dev", "pythonapps.validate.pythonapp.dev"], "validating webhooks")
    expect([h["name"] for h in m.get("webhooks", [])] == ["buildconfigs.mutate.pythonapp.dev"], "mutating webhooks")
    for name, (group, version, resource, ops, path, policy) in want.items():
        h = hooks.get(name)
        if not h:
            continue
        rule = (h.get("rules") or [{}])[0]
        expect(len(h.get("rules", [])) == 1 and rule.get("apiGroups") == [group] and
               rule.get("apiVersions") == [version] and rule.get("resources") == [resource] and
               rule.get("operations") == ops, f"{name}: rules {h.get('rules')}")
        s = h.get("clientConfig", {}).get("service", {})
        expect(s == {"name": svc.get("metadata", {}).get("name"), "namespace": service_ns, "path": path, "port": 443},
               f"{name}: clientConfig.service {s}")
        expect(h.get("failurePolicy") == policy, f"{name}: failurePolicy {h.get('failurePolicy')}, expected {policy}")
        expect(h.get("sideEffects") == "None", f"{name}: sideEffects")
        expect(h.get("admissionReviewVersions") == ["v1"], f"{name}: admissionReviewVersions")
        expect(h.get("timeoutSeconds") == 5, f"{name}: timeoutSeconds")
        sel = h.get("namespaceSelector", {})
        exprs = sel.get("matchExpressions")
        want_exprs = ([{"key": "kubernetes.io/metadata.name", "operator": "In", "values": watched}]
                      if watched else None)
        expect(exprs == want_exprs, f"{name}: namespaceSelector.matchExpressions {exprs}, expected {want_exprs}")
        if "mutate" in name:
            expect(sel.get("matchLabels") == {"pythonapp.dev/eol-buildconfigs": "rewrite"},
                   f"{name}: namespaceSelector.matchLabels {sel.get('matchLabels')}")
            expect(h.get("reinvocationPolicy") == "Never", f"{name}: reinvocationPolicy")
        else:
            expect("matchLabels" not in sel, f"{name}: unexpected namespaceSelector.matchLabels")


def check_cluster_rbac(docs, ns):
    cr = one(docs, "ClusterRole")
    expect_rules(cr, CLUSTER_RULES)
    crb = one(docs, "ClusterRoleBinding")
    sa = one(docs, "ServiceAccount")
    expect(crb.get("roleRef", {}).get("name") == cr.get("metadata", {}).get("name"), "ClusterRoleBinding roleRef")
    expect(crb.get("subjects") == [{"kind": "ServiceAccount", "name": sa.get("metadata", {}).get("name"),
                                    "namespace": ns}], f"ClusterRoleBinding subjects {crb.get('subjects')}")
    expect(not find(docs, "Role") and not find(docs, "RoleBinding"), "no Role/RoleBinding in a cluster-wide install")


def check_role_in(docs, ns, sa_ns, rules):
    """A Role in ns with exactly these rules, bound to the operator's ServiceAccount (in sa_ns)."""
    roles = [r for r in find(docs, "Role", namespace=ns) if rules_map(r).keys() == rules.keys()]
    if len(roles) != 1:
        problem(f"expected one Role in {ns} for {sorted(r for _, r in rules)}, found {len(roles)}")
        return
    role = roles[0]
    expect_rules(role, rules)
    rbs = [b for b in find(docs, "RoleBinding", namespace=ns)
           if b.get("roleRef", {}).get("name") == role["metadata"]["name"]]
    sa = one(docs, "ServiceAccount")
    expect(len(rbs) == 1 and rbs[0].get("roleRef", {}).get("kind") == "Role" and rbs[0].get("subjects") ==
           [{"kind": "ServiceAccount", "name": sa.get("metadata", {}).get("name"), "namespace": sa_ns}],
           f"RoleBinding for {ident(role)}: {[b.get('subjects') for b in rbs]}")


def kinds(docs):
    return sorted(d["kind"] for d in docs)


def render(variant, path):
    docs = load(path)
    ns = "pythonapp-operator"
    base_kinds = ["Deployment", "Service", "ServiceAccount"]
    hooks = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]
    crd = ["CustomResourceDefinition"]
    cluster = ["ClusterRole", "ClusterRoleBinding"]
    if variant.startswith("helm-"):
        base_kinds = base_kinds + crd   # rendered with --include-crds
    if variant == "helm-default":
        expect(kinds(docs) == sorted(base_kinds + cluster + hooks), f"kinds {kinds(docs)}")
        check_deployment(docs)
        check_service(docs)
        check_webhooks(docs, ns)
        check_cluster_rbac(docs, ns)
    elif variant == "helm-watch-namespaces":
        expect(kinds(docs) == sorted(base_kinds + hooks + ["Role", "RoleBinding"] * 3), f"kinds {kinds(docs)}")
        check_deployment(docs, namespaces_env="team-a,team-b")
        check_service(docs)
        check_webhooks(docs, ns, watched=["team-a", "team-b"])
        for team in ("team-a", "team-b"):
            check_role_in(docs, team, ns, MANAGED_RULES)
        check_role_in(docs, ns, ns, CATALOG_RULES)
    elif variant == "helm-cert-manager":
        expect(kinds(docs) == sorted(base_kinds + cluster + hooks + ["Issuer", "Certificate"]), f"kinds {kinds(docs)}")
        check_deployment(docs)
        check_service(docs)
        cert = one(docs, "Certificate")
        issuer = one(docs, "Issuer")
        expect(issuer.get("spec") == {"selfSigned": {}}, "Issuer must be selfSigned")
        spec = cert.get("spec", {})
        expect(spec.get("secretName") == "pythonapp-operator-webhook-tls", "Certificate secretName")
        expect(spec.get("issuerRef", {}).get("name") == issuer.get("metadata", {}).get("name"), "Certificate issuerRef")
        svc = one(docs, "Service")["metadata"]["name"]
        expect(f"{svc}.{ns}.svc" in spec.get("dnsNames", []), f"Certificate dnsNames {spec.get('dnsNames')}")
        check_webhooks(docs, ns, annotations={"cert-manager.io/inject-ca-from": f"{ns}/{cert['metadata']['name']}"})
    elif variant == "helm-openshift-service-ca":
        expect(kinds(docs) == sorted(base_kinds + cluster + hooks), f"kinds {kinds(docs)}")
        check_deployment(docs)
        check_service(docs, annotations={
            "service.beta.openshift.io/serving-cert-secret-name": "pythonapp-operator-webhook-tls"})
        check_webhooks(docs, ns, annotations={"service.beta.openshift.io/inject-cabundle": "true"})
    elif variant == "helm-service-monitor":
        expect(kinds(docs) == sorted(base_kinds + cluster + hooks + ["ServiceMonitor"]), f"kinds {kinds(docs)}")
        sm = one(docs, "ServiceMonitor")
        svc = one(docs, "Service")
        eps = sm.get("spec", {}).get("endpoints", [])
        expect(len(eps) == 1 and eps[0].get("port") == "http-metrics" and eps[0].get("path") == "/q/metrics",
               f"ServiceMonitor endpoints {eps}")
        sel = sm.get("spec", {}).get("selector", {}).get("matchLabels", {})
        expect(sel and all(svc["metadata"].get("labels", {}).get(k) == v for k, v in sel.items()),
               "ServiceMonitor selector does not select the Service")
    elif variant == "helm-webhook-disabled":
        expect(kinds(docs) == sorted(base_kinds + cluster), f"kinds {kinds(docs)}")
        check_deployment(docs, webhook=False)
        check_service(docs, webhook=False)
    elif variant in ("kustomize-cluster-wide", "kustomize-cluster-wide-without-crd"):
        want = ["Namespace"] + base_kinds + cluster + hooks + (crd if variant == "kustomize-cluster-wide" else [])
        expect(kinds(docs) == sorted(want), f"kinds {kinds(docs)}")
        check_deployment(docs)
        check_service(docs)
        check_webhooks(docs, ns)
        check_cluster_rbac(docs, ns)
        for d in docs:
            if d["kind"] not in ("Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding",
                                 "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"):
                expect(d["metadata"].get("namespace") == ns, f"{ident(d)} not in namespace {ns}")
    elif variant == "kustomize-cluster-wide-openshift":
        expect(kinds(docs) == sorted(["Namespace"] + crd + base_kinds + cluster + hooks), f"kinds {kinds(docs)}")
        check_service(docs, annotations={
            "service.beta.openshift.io/serving-cert-secret-name": "pythonapp-operator-webhook-tls"})
        check_webhooks(docs, ns, annotations={"service.beta.openshift.io/inject-cabundle": "true"})
    elif variant in ("kustomize-single-namespace", "kustomize-single-namespace-without-crd"):
        want = base_kinds + ["Role", "RoleBinding"] + (crd if variant == "kustomize-single-namespace" else [])
        expect(kinds(docs) == sorted(want), f"kinds {kinds(docs)}")
        check_deployment(docs, webhook=False, namespaces_env="JOSDK_WATCH_CURRENT")
        check_service(docs, webhook=False)
        check_role_in(docs, ns, ns, MANAGED_RULES)
        for d in docs:
            if d["kind"] != "CustomResourceDefinition":
                expect(d["metadata"].get("namespace") == ns, f"{ident(d)} not in namespace {ns}")
    else:
        problem(f"unknown variant {variant}")


def rbac(paths):
    """Every RBAC rule in the files: no wildcards, no Secrets, a comment line right above it."""
    for path in paths:
        text = open(path).read()
        for d in load(path):
            if d["kind"] not in ("Role", "ClusterRole"):
                continue
            for r in d.get("rules", []):
                for field in ("apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs"):
                    if any("*" in str(x) for x in r.get(field, [])):
                        problem(f"{path}: {ident(d)} has a wildcard in {field}: {r}")
                if any(res.split("/")[0] == "secrets" for res in r.get("resources", [])):
                    problem(f"{path}: {ident(d)} grants access to Secrets: {r}")
        # a comment line right above each rule's first line, in the Role and ClusterRole documents
        for chunk in re.split(r"(?m)^---.*$", text):
            doc = yaml.safe_load(chunk)
            if not isinstance(doc, dict) or doc.get("kind") not in ("Role", "ClusterRole"):
                continue
            lines = chunk.splitlines()
            for i, line in enumerate(lines):
                if re.match(r"^\s*- apiGroups:", line):
                    prev = next((p for p in reversed(lines[:i]) if p.strip()), "")
                    if not prev.strip().startswith("#"):
                        problem(f"{path}: {ident(doc)}: RBAC rule without a comment above it: {line.strip()}")


def diff(a, b, path=""):
    """Paths at which a and b differ, with both values."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for key in sorted(set(a) | set(b), key=str):
            out += diff(a.get(key), b.get(key), f"{path}.{key}")
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in diff(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path or '.'}: chart {a!r}, deploy/ {b!r}"]


def normalize_pod(docs):
    dep, pod, c = container(docs)
    c = copy.deepcopy(c)
    c["env"] = sorted(c.get("env", []), key=lambda e: e["name"])
    c["ports"] = sorted(c.get("ports", []), key=lambda p: p["name"])
    c["volumeMounts"] = sorted(c.get("volumeMounts", []), key=lambda m: m["name"])
    pod = copy.deepcopy(pod)
    pod["containers"] = [c]
    pod["volumes"] = sorted(pod.get("volumes", []), key=lambda v: v["name"])
    pod.pop("serviceAccountName", None)
    return {"replicas": dep["spec"].get("replicas"), "strategy": dep["spec"].get("strategy"), "pod": pod}


def same(helm_path, kustomize_path, kinds_):
    h, k = load(helm_path), load(kustomize_path)
    for kind in kinds_:
        if kind in ("ClusterRole", "Role"):
            hr, kr = find(h, kind), find(k, kind)
            hmaps = sorted((rules_map(r) for r in hr), key=str)
            kmaps = sorted((rules_map(r) for r in kr), key=str)
            # the chart's extra catalog Role (operator namespace not watched) has no deploy/ counterpart
            hmaps = [m for m in hmaps if m.keys() != CATALOG_RULES.keys()]
            if kind == "Role":
                hmaps = hmaps[:1] if hmaps and all(m == hmaps[0] for m in hmaps) else hmaps
            if hmaps != kmaps:
                problem(f"{kind} rules differ between the chart and deploy/: " + "; ".join(diff(hmaps, kmaps)))
        elif kind in ("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"):
            hw, kw = one(h, kind).get("webhooks"), one(k, kind).get("webhooks")
            if hw != kw:
                problem(f"{kind} webhooks differ between the chart and deploy/: " + "; ".join(diff(hw, kw)))
        elif kind == "Deployment":
            hp, kp = normalize_pod(h), normalize_pod(k)
            if hp != kp:
                problem("Deployment pod specs differ between the chart and deploy/: " + "; ".join(diff(hp, kp)))
        elif kind == "Service":
            hs = sorted(one(h, kind).get("spec", {}).get("ports", []), key=lambda p: p["name"])
            ks = sorted(one(k, kind).get("spec", {}).get("ports", []), key=lambda p: p["name"])
            expect(hs == ks, f"Service ports differ: chart {hs}, deploy/ {ks}")
        elif kind == "CustomResourceDefinition":
            hc, kc = one(h, kind), one(k, kind)
            expect(hc.get("spec") == kc.get("spec") and hc.get("metadata", {}).get("name") ==
                   kc.get("metadata", {}).get("name"), "CustomResourceDefinition differs between the chart and deploy/")
        else:
            problem(f"don't know how to compare {kind}")


def served(path, versions_path):
    versions = set(open(versions_path).read().split())
    keep = []
    for d in load(path):
        if d.get("apiVersion") in versions:
            keep.append(d)
        else:
            print(f"SKIP  {ident(d)}: {d.get('apiVersion')} is not served by this cluster", file=sys.stderr)
    yaml.safe_dump_all(keep, sys.stdout, sort_keys=False)


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "render" and len(argv) == 4:
        render(argv[2], argv[3])
    elif cmd == "rbac" and len(argv) > 2:
        rbac(argv[2:])
    elif cmd == "same" and len(argv) > 4:
        same(argv[2], argv[3], argv[4:])
    elif cmd == "served" and len(argv) == 4:
        served(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
