"""WeasyPrint's only way to fetch anything: the app's own print assets and stored evidence images, nothing else."""
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

from ..storage.paths import blob_path

ASSET_SCHEME = "assessor-asset:"
IMAGE_SCHEME = "assessor-image:"
#: image types WeasyPrint may draw from storage; everything else is listed, never drawn
DRAWABLE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})


class FetchRefused(URLFetchingError):
    """Raised for any URL outside the allowed set: WeasyPrint skips that resource and goes on."""


class AssetFetcher(URLFetcher):
    """Serves `assessor-asset:<name>` from the print assets folder and `assessor-image:<sha256>` from storage.

    `file:`, `http(s):`, `data:` and every other scheme are refused: user content that names a
    file or a URL fetches nothing.
    """

    def __init__(self, assets_dir: Path, storage_root: Path | None = None, images: dict[str, str] | None = None):
        super().__init__(allowed_protocols=())
        self.assets_dir = assets_dir.resolve()
        self.storage_root = storage_root
        #: sha256 -> media type of the stored images this document may draw
        self.images = images or {}
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith(ASSET_SCHEME):
            return self._asset(url, url[len(ASSET_SCHEME):].lstrip("/"))
        if url.startswith(IMAGE_SCHEME) and self.storage_root is not None:
            return self._image(url, url[len(IMAGE_SCHEME):])
        return self._refuse(url)

    def _asset(self, url: str, name: str):
        path = (self.assets_dir / name).resolve()
        if not path.is_relative_to(self.assets_dir) or not path.is_file():
            return self._refuse(url)
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": _asset_type(path)})

    def _image(self, url: str, sha256: str):
        media_type = self.images.get(sha256)
        if media_type not in DRAWABLE_TYPES:
            return self._refuse(url)
        path = blob_path(self.storage_root, sha256)
        if not path.is_file():
            return self._refuse(url)
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": media_type})

    def _refuse(self, url: str):
        self.refused.append(url)
        raise FetchRefused(f"refused to fetch {url[:200]}")


def _asset_type(path: Path) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(path.suffix, "application/octet-stream")
