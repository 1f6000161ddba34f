provider "google" {
  project        = var.cloud_account
  region         = var.region
  default_labels = local.labels
}
