// Tables of the media module (uploads, BSL videos, captions).
export {}
