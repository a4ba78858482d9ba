{{- define "koubei.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "koubei.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "koubei.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The pod: shared by the StatefulSet (embedded) and the Deployment (elasticsearch). */}}
{{- define "koubei.podSpec" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
terminationGracePeriodSeconds: 30
containers:
  - name: koubei
    image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
    imagePullPolicy: {{ .Values.image.pullPolicy }}
    securityContext:
      {{- toYaml .Values.securityContext | nindent 6 }}
    ports:
      - name: http
        containerPort: {{ .Values.port }}
    envFrom:
      - configMapRef:
          name: {{ include "koubei.fullname" . }}
    env:
      - name: KOUBEI_SECURITY_USERS_0_PASSWORD
        valueFrom:
          secretKeyRef:
            name: {{ .Values.secrets.existingSecret }}
            key: {{ .Values.secrets.adminPasswordKey }}
            optional: true
      - name: KOUBEI_API_TOKENS
        valueFrom:
          secretKeyRef:
            name: {{ .Values.secrets.existingSecret }}
            key: {{ .Values.secrets.apiTokensKey }}
            optional: true
      - name: KOUBEI_METRICS_TOKEN
        valueFrom:
          secretKeyRef:
            name: {{ .Values.secrets.existingSecret }}
            key: {{ .Values.secrets.metricsTokenKey }}
            optional: true
      - name: KOUBEI_AUTH_OIDC_CLIENT_SECRET
        valueFrom:
          secretKeyRef:
            name: {{ .Values.secrets.existingSecret }}
            key: {{ .Values.secrets.oidcClientSecretKey }}
            optional: true
      - name: KOUBEI_AUTH_LDAP_MANAGER_PASSWORD
        valueFrom:
          secretKeyRef:
            name: {{ .Values.secrets.existingSecret }}
            key: {{ .Values.secrets.ldapManagerPasswordKey }}
            optional: true
      {{- if eq .Values.koubei.store "elasticsearch" }}
      - name: ES_PASSWORD
        valueFrom:
          secretKeyRef:
            name: {{ .Values.secrets.existingSecret }}
            key: {{ .Values.secrets.elasticsearchPasswordKey }}
            optional: true
      {{- end }}
    startupProbe:
      httpGet:
        path: {{ .Values.probes.startup.path }}
        port: http
      periodSeconds: {{ .Values.probes.startup.periodSeconds }}
      failureThreshold: {{ .Values.probes.startup.failureThreshold }}
    livenessProbe:
      httpGet:
        path: {{ .Values.probes.liveness.path }}
        port: http
      initialDelaySeconds: {{ .Values.probes.liveness.initialDelaySeconds }}
      periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
      timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
      failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
    readinessProbe:
      httpGet:
        path: {{ .Values.probes.readiness.path }}
        port: http
      initialDelaySeconds: {{ .Values.probes.readiness.initialDelaySeconds }}
      periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
      timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
      failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
    resources:
      {{- toYaml .Values.resources | nindent 6 }}
    volumeMounts:
      - name: data
        mountPath: /data
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
