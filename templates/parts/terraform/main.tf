{%- set common = values.common %}
{%- set system = { 'gcp': 'google', 'aws': 'aws', 'azure': 'azurerm' }[values.environment.spec.cloud.provider] %}
{#- The GitLab this repository is on serves the module registry, at the same host and port. #}
{%- set registry = common.gitlabHost ~ '/platform' -%}
# Module calls for the resources requested through the platform portal. The modules are the
# platform team's (this GitLab's Terraform module registry, group platform; CI reads it with the
# job token), one implementation per cloud behind the same inputs; versions are pinned and
# Renovate proposes new ones.

locals {
  # On every resource: what it is for and who owns it.
  labels = {
    service     = var.workload
    environment = var.environment
    team        = var.owner
    managed-by  = "terraform"
  }
}
{%- if common.serviceAccount %}

# The cloud identity of the service's pods: the Kubernetes ServiceAccount they run as
# (deploy/base/serviceaccount.yaml, annotated by each overlay) acts as it through workload identity.
module "service_account" {
  source  = "${{ registry }}/service-account/${{ system }}"
  version = "1.4.0"

  # GCP service account ids have 6 to 30 characters (the overlays' annotation uses the same id).
  name                       = "${{ common.cloudServiceAccountId }}"
  kubernetes_namespace       = var.workload
  kubernetes_service_account = var.workload
  labels                     = local.labels
}
{%- endif %}
{%- if common.database %}

# PostgreSQL. The workload's pods may connect (IAM database authentication through workload
# identity); the module writes the connection settings to Vault services/<workload>/<name>, a
# path of its own, which the service's ExternalSecret (deploy/components/vault-secrets) copies
# into the pods' environment.
module "database" {
  source  = "${{ registry }}/postgresql/${{ system }}"
  version = "2.4.1"

  name                = "${{ common.databaseName }}"
  tier                = var.database_tier
  storage_gb          = var.database_storage_gb
  postgres_version    = var.postgres_version
  high_availability   = var.production
  deletion_protection = var.production
  workloads           = [var.workload]
  vault_secret_path   = "services/${var.workload}/${{ common.databaseName }}"
  labels              = local.labels
}
{%- endif %}
{%- if common.cache %}

# Redis. Reachable from the environment's clusters only; the module writes the address and the
# AUTH string to Vault services/<workload>/<name>, a path of its own.
module "cache" {
  source  = "${{ registry }}/redis/${{ system }}"
  version = "1.3.2"

  name              = "${{ common.cacheName }}"
  tier              = var.cache_tier
  memory_gb         = var.cache_memory_gb
  workloads         = [var.workload]
  vault_secret_path = "services/${var.workload}/${{ common.cacheName }}"
  labels            = local.labels
}
{%- endif %}
{%- if common.bucket %}

# Object storage. The workload's pods may read and write objects (workload identity); nothing
# is public.
module "bucket" {
  source  = "${{ registry }}/bucket/${{ system }}"
  version = "1.6.0"

  name                = "${{ common.bucketName }}"
  versioning          = var.bucket_versioning
  expire_after_days   = var.bucket_expire_after_days
  deletion_protection = var.production
  workloads           = [var.workload]
  labels              = local.labels
}
{%- endif %}
