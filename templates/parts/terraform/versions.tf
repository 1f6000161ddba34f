{%- set environment = values.environment %}
{%- set provider = environment.spec.cloud.provider -%}
# The Terraform root of ${{ values.common.workload }}'s cloud resources in ${{ environment.metadata.title or environment.metadata.name }}
# (catalog Environment ${{ environment.metadata.name }}: ${{ provider }} account ${{ environment.spec.cloud.account }}).
terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
{%- if provider == 'gcp' %}
    google = {
      source  = "hashicorp/google"
      version = "6.14.1"
    }
{%- elif provider == 'aws' %}
    aws = {
      source  = "hashicorp/aws"
      version = "5.82.2"
    }
{%- else %}
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "4.14.0"
    }
{%- endif %}
  }

  # GitLab-managed Terraform state over the http backend. CI's .terraform-* jobs
  # (platform/ci-templates, templates/terraform.yml) set TF_HTTP_ADDRESS and the lock addresses to
  # this project's state named after the environment and sign in with the job token. From a
  # laptop: Operate > Terraform states > Copy Terraform init command.
  backend "http" {}
}
