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
  name                       = "orders-api"
  kubernetes_namespace       = var.workload
  kubernetes_service_account = var.workload
  labels                     = local.labels
}
