{{/* Chart name, truncated to 63 characters (a DNS label). */}}
{{- define "pythonapp-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name of the release's objects. The release name is used alone when it already contains the chart
name, so `helm install pythonapp-operator ...` names everything pythonapp-operator.
*/}}
{{- define "pythonapp-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "pythonapp-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "pythonapp-operator.labels" -}}
helm.sh/chart: {{ include "pythonapp-operator.chart" . }}
{{ include "pythonapp-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: pythonapp-operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "pythonapp-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pythonapp-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "pythonapp-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* Name of the cert-manager Certificate (source=cert-manager). */}}
{{- define "pythonapp-operator.certificateName" -}}
{{- printf "%s-webhook" (include "pythonapp-operator.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Annotations that make cert-manager or OpenShift's service CA fill in the webhook configurations' caBundle.
*/}}
{{- define "pythonapp-operator.webhookAnnotations" -}}
{{- $source := .Values.webhook.certificate.source }}
{{- if eq $source "cert-manager" }}
cert-manager.io/inject-ca-from: {{ printf "%s/%s" .Release.Namespace (include "pythonapp-operator.certificateName" .) }}
{{- else if eq $source "openshift-service-ca" }}
service.beta.openshift.io/inject-cabundle: "true"
{{- end }}
{{- end }}

{{/* clientConfig of one webhook: the chart's Service, port 443, and for source=secret the given CA bundle. */}}
{{- define "pythonapp-operator.webhookClientConfig" -}}
clientConfig:
  service:
    name: {{ include "pythonapp-operator.fullname" .root }}
    namespace: {{ .root.Release.Namespace }}
    path: {{ .path }}
    port: 443
  {{- if and (eq .root.Values.webhook.certificate.source "secret") .root.Values.webhook.certificate.caBundle }}
  caBundle: {{ .root.Values.webhook.certificate.caBundle }}
  {{- end }}
{{- end }}

{{/*
With watchNamespaces set, the webhooks only see objects in those namespaces (the operator only manages those).
*/}}
{{- define "pythonapp-operator.watchedNamespacesExpression" -}}
{{- if .Values.watchNamespaces }}
matchExpressions:
  - key: kubernetes.io/metadata.name
    operator: In
    values:
    {{- range .Values.watchNamespaces }}
      - {{ . | quote }}
    {{- end }}
{{- end }}
{{- end }}

{{/*
RBAC rules for the namespaces the operator manages (ClusterRole when it watches all namespaces, one Role per watched
namespace otherwise). Exactly what the operator calls; no wildcards, no Secrets.
*/}}
{{- define "pythonapp-operator.managedRules" -}}
# watch the primary resource
- apiGroups: ["pythonapp.dev"]
  resources: ["pythonapps"]
  verbs: ["get", "list", "watch"]
# report status (conditions, builder, observedGeneration)
- apiGroups: ["pythonapp.dev"]
  resources: ["pythonapps/status"]
  verbs: ["get", "patch", "update"]
# OpenShift's OwnerReferencesPermissionEnforcement admission requires it to set blockOwnerDeletion on the children
- apiGroups: ["pythonapp.dev"]
  resources: ["pythonapps/finalizers"]
  verbs: ["update"]
# the children: ImageStream of the built image
- apiGroups: ["image.openshift.io"]
  resources: ["imagestreams"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# the children: S2I BuildConfig (also rewriting end-of-life builders in existing BuildConfigs)
- apiGroups: ["build.openshift.io"]
  resources: ["buildconfigs"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# builds: read the apps' Builds (the informer selects them by the operator's label) for status.build
- apiGroups: ["build.openshift.io"]
  resources: ["builds"]
  verbs: ["get", "list", "watch"]
# builds: request a build when build inputs or the rebuild annotation change (what oc start-build does)
- apiGroups: ["build.openshift.io"]
  resources: ["buildconfigs/instantiate"]
  verbs: ["create"]
# the children: the app's Deployment
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# the children: the app's Service
- apiGroups: [""]
  resources: ["services"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# the children: hot-deploy gunicorn config; also read for the builder catalog overlay ConfigMap
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# the children: the app's Route
- apiGroups: ["route.openshift.io"]
  resources: ["routes"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
# set spec.host on Routes (OpenShift checks this subresource when a Route names its host)
- apiGroups: ["route.openshift.io"]
  resources: ["routes/custom-host"]
  verbs: ["create"]
# report end of life, rewrites and catalog problems as Events
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
