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

# Redis. Reachable from the environment's clusters only; the module writes the address and the
# AUTH string to Vault services/<workload>/<name>, a path of its own.
module "cache" {
  source  = "localhost:7101/platform/redis/google"
  version = "1.3.2"

  name              = "checkout-rate-limits"
  tier              = var.cache_tier
  memory_gb         = var.cache_memory_gb
  workloads         = [var.workload]
  vault_secret_path = "services/${var.workload}/checkout-rate-limits"
  labels            = local.labels
}
