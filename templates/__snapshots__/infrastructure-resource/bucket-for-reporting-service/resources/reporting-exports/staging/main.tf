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

# Object storage. The workload's pods may read and write objects (workload identity); nothing
# is public.
module "bucket" {
  source  = "localhost:7101/platform/bucket/google"
  version = "1.6.0"

  name                = "reporting-exports"
  versioning          = var.bucket_versioning
  expire_after_days   = var.bucket_expire_after_days
  deletion_protection = var.production
  workloads           = [var.workload]
  labels              = local.labels
}
