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

# The cloud identity of the service's pods: the Kubernetes ServiceAccount they run as
# (deploy/base/serviceaccount.yaml, annotated by each overlay) acts as it through workload identity.
module "service_account" {
  source  = "localhost:7101/platform/service-account/google"
  version = "1.4.0"

  # GCP service account ids have 6 to 30 characters (the overlays' annotation uses the same id).
  name                       = "basket-service"
  kubernetes_namespace       = var.workload
  kubernetes_service_account = var.workload
  labels                     = local.labels
}

# PostgreSQL. The workload's pods may connect (IAM database authentication through workload
# identity); the module writes the connection settings to Vault services/<workload>/<name>, a
# path of its own, which the service's ExternalSecret (deploy/components/vault-secrets) copies
# into the pods' environment.
module "database" {
  source  = "localhost:7101/platform/postgresql/google"
  version = "2.4.1"

  name                = "basket-service-db"
  tier                = var.database_tier
  storage_gb          = var.database_storage_gb
  postgres_version    = var.postgres_version
  high_availability   = var.production
  deletion_protection = var.production
  workloads           = [var.workload]
  vault_secret_path   = "services/${var.workload}/basket-service-db"
  labels              = local.labels
}

# Object storage. The workload's pods may read and write objects (workload identity); nothing
# is public.
module "bucket" {
  source  = "localhost:7101/platform/bucket/google"
  version = "1.6.0"

  name                = "basket-service-bucket"
  versioning          = var.bucket_versioning
  expire_after_days   = var.bucket_expire_after_days
  deletion_protection = var.production
  workloads           = [var.workload]
  labels              = local.labels
}
