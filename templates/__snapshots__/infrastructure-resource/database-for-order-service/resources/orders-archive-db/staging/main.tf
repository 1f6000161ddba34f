# Module calls for the resources requested through the platform portal. The modules are the
# platform team's (GitLab Terraform module registry, group platform), one implementation per
# cloud behind the same inputs; versions are pinned and Renovate proposes new ones.

locals {
  # On every resource: what it is for and who owns it.
  labels = {
    service     = var.workload
    environment = var.environment
    team        = var.owner
    managed-by  = "terraform"
  }
}

# PostgreSQL. The workload's pods may connect (IAM database authentication through workload
# identity); the module writes the connection settings to Vault services/<workload>, which the
# service's ExternalSecret (deploy/base/externalsecret.yaml) copies into the pods' environment.
module "database" {
  source  = "gitlab.example.com/platform/postgresql/google"
  version = "2.4.1"

  name                = "orders-archive-db"
  tier                = var.database_tier
  storage_gb          = var.database_storage_gb
  postgres_version    = var.postgres_version
  high_availability   = var.production
  deletion_protection = var.production
  workloads           = [var.workload]
  vault_secret_path   = "services/${var.workload}"
  labels              = local.labels
}
