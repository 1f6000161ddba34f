terraform {
  required_version = ">= 1.6"
  backend "gcs" {
    bucket = "acme-terraform-state"
    prefix = "orders-api/production"
  }
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 5.0"
    }
  }
}

provider "google" {
  project = var.project
  region  = "europe-west1"
}

module "bucket" {
  source      = "../../modules/service-bucket"
  service     = "orders-api"
  environment = "production"
}
