{%- set provider = values.environment.spec.cloud.provider -%}
{%- if provider == 'gcp' -%}
provider "google" {
  project        = var.cloud_account
  region         = var.region
  default_labels = local.labels
}
{%- elif provider == 'aws' -%}
provider "aws" {
  region              = var.region
  allowed_account_ids = [var.cloud_account]

  default_tags {
    tags = local.labels
  }
}
{%- else -%}
provider "azurerm" {
  features {}
  subscription_id = var.cloud_account
}
{%- endif %}
