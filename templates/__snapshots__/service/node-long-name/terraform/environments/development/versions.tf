# The Terraform root of checkout-payment-reconciliation-worker's cloud resources in Development
# (catalog Environment development: gcp account acme-dev).
terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "6.14.1"
    }
  }

  # GitLab-managed Terraform state over the http backend. CI's .terraform-* jobs
  # (platform/ci-templates, templates/terraform.yml) set TF_HTTP_ADDRESS and the lock addresses to
  # this project's state named after the environment and sign in with the job token. From a
  # laptop: Operate > Terraform states > Copy Terraform init command.
  backend "http" {}
}
