# A bucket per service, with the labels every platform resource carries.
resource "google_storage_bucket" "this" {
  name                        = "${var.service}-${var.environment}"
  location                    = var.region
  uniform_bucket_level_access = true
  labels                      = local.labels

  versioning {
    enabled = var.environment == "production"
  }
}

locals {
  labels = {
    service     = var.service
    environment = var.environment
    managed-by  = "terraform"
  }
}
