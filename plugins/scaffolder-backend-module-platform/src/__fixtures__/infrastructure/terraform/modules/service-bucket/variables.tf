variable "service" {
  type        = string
  description = "The service the bucket belongs to."
}

variable "environment" {
  type        = string
  description = "development, staging or production."
}

variable "region" {
  type    = string
  default = "europe-west1"
}
